using System.IO;
using System.Text;
using Labels;

namespace Labels.Tests
{
    public class ZplTests
    {
        [Fact]
        public void WriteCalibration_LeavesStreamOpen()
        {
            var stream = new MemoryStream();
            ZplWriter.WriteCalibration(stream);
            stream.Position = 0;
            Assert.Equal("~JC^XA^JUS^XZ\n", new StreamReader(stream).ReadToEnd());
        }

        [Fact]
        public void WriteLabels_WritesOneBlockPerLabel()
        {
            var stream = new MemoryStream();
            ZplWriter.WriteLabels(new[] { new ShippingLabel { Reference = "R1", Recipient = "A", Postcode = "LS1 4AP", Barcode = "123" } }, stream);
            var text = Encoding.ASCII.GetString(stream.ToArray());
            Assert.StartsWith("^XA\n", text);
            Assert.Contains("^FDLS1 4AP^FS", text);
            Assert.EndsWith("^XZ\n", text);
        }
    }
}
