using System.Globalization;
using System.Text;

namespace Freight.Documents;

/// <summary>
/// Writes the fixed blocks of a carrier manifest (pipe-separated text, UTF-8 without BOM, as the carriers'
/// SFTP gateways require). The consignment lines between them are written by the caller.
/// </summary>
public sealed class ManifestBlockWriter
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header block at the current position.</summary>
    /// <param name="output">The manifest. It stays open: the consignment lines and the trailer follow the header.</param>
    public void WriteHeader(Stream output, ManifestHeader header)
    {
        using var writer = new StreamWriter(output, Utf8NoBom);
        writer.NewLine = "\n";
        writer.WriteLine($"HDR|{header.CarrierCode}|{header.AccountNumber}|{header.CollectionDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
        writer.WriteLine($"DEPOT|{header.Depot}");
        writer.WriteLine($"COUNT|{header.ConsignmentCount}");
    }

    /// <summary>Writes the trailer block at the current position.</summary>
    /// <param name="output">The manifest. It stays open for the caller to upload.</param>
    public void WriteTrailer(Stream output, int lineCount, decimal totalWeightKg)
    {
        using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 1024, leaveOpen: true);
        writer.NewLine = "\n";
        writer.WriteLine($"TRL|{lineCount}|{totalWeightKg.ToString("0.00", CultureInfo.InvariantCulture)}");
    }
}
