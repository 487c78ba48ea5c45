using System.IO;
using System.Linq;
using System.Text;
using Labels;

namespace Labels.Behaviour.Tests
{
    public class RenderBehaviour
    {
        private static ShippingLabel L(string r) => new ShippingLabel { Reference = r, Recipient = "Rcpt " + r, Postcode = "YO1 7HH", Barcode = "00" + r };

        [Fact]
        public void WriteLabels_LeavesCallersStreamOpenAtTheEnd()
        {
            var stream = new MemoryStream();
            ZplWriter.WriteLabels(new[] { L("1") }, stream);
            Assert.True(stream.CanWrite);
            var end = stream.Position;
            Assert.Equal(stream.Length, end);
            ZplWriter.WriteLabels(new[] { L("2") }, stream);
            stream.Position = 0;
            Assert.Equal(2, PrintJob.CountLabels(stream));
        }

        [Fact]
        public void Render_IsRewoundAndHoldsEveryLabel()
        {
            var job = new PrintJob { Bay = "B4", Calibrate = true };
            job.Labels.AddRange(new[] { L("1"), L("2"), L("3") });
            using var zpl = job.Render();
            Assert.Equal(0, zpl.Position);
            var text = new StreamReader(zpl, Encoding.ASCII).ReadToEnd();
            Assert.StartsWith("~JC^XA^JUS^XZ\n^XA\n", text);
            Assert.Equal(3, text.Split('\n').Count(l => l == "^XA"));
        }
    }
}
