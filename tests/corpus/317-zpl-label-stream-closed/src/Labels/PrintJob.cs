using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Labels
{
    public class PrintJob
    {
        public string Bay { get; set; }
        public bool Calibrate { get; set; }
        public List<ShippingLabel> Labels { get; set; } = new List<ShippingLabel>();

        /// <summary>The bytes to send to the bay's printer, rewound and ready to copy to the socket.</summary>
        public MemoryStream Render()
        {
            var buffer = new MemoryStream();
            if (Calibrate)
                ZplWriter.WriteCalibration(buffer);
            ZplWriter.WriteLabels(Labels, buffer);
            buffer.Position = 0;
            return buffer;
        }

        public static int CountLabels(Stream zpl)
        {
            using var reader = new StreamReader(zpl, Encoding.ASCII, false, 1024, leaveOpen: true);
            return reader.ReadToEnd().Split('\n').Count(line => line == "^XA");
        }
    }
}
