using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Labels
{
    public class ShippingLabel
    {
        public string Reference { get; set; }
        public string Recipient { get; set; }
        public string Postcode { get; set; }
        public string Barcode { get; set; }
    }

    /// <summary>
    /// Writes ZPL for the Zebra printers in the packing bays. Both methods write to a stream the caller owns:
    /// they leave it open, positioned after what they wrote, so several jobs can be batched into one buffer.
    /// </summary>
    public static class ZplWriter
    {
        public static void WriteCalibration(Stream output)
        {
            using var writer = new StreamWriter(output, Encoding.ASCII, bufferSize: 1024, leaveOpen: true);
            writer.Write("~JC^XA^JUS^XZ\n");
        }

        public static void WriteLabels(IEnumerable<ShippingLabel> labels, Stream output)
        {
            using var writer = new StreamWriter(output, Encoding.ASCII);
            foreach (var label in labels)
            {
                writer.Write("^XA\n");
                writer.Write($"^FO40,40^A0N,40,40^FD{label.Recipient}^FS\n");
                writer.Write($"^FO40,100^A0N,60,60^FD{label.Postcode}^FS\n");
                writer.Write($"^FO40,200^BCN,120,Y,N,N^FD{label.Barcode}^FS\n");
                writer.Write($"^FO40,360^A0N,25,25^FDRef {label.Reference}^FS\n");
                writer.Write("^XZ\n");
            }
        }
    }
}
