using System.Globalization;
using System.Text;
using Freight.Documents;

namespace Freight.Dispatch;

/// <summary>Builds the end-of-day manifest that goes to the carrier with the collection.</summary>
public sealed class ManifestBuilder
{
    private readonly ManifestBlockWriter _blocks = new();

    public byte[] Build(string carrierCode, string accountNumber, string depot, DateOnly collectionDate, IReadOnlyList<Consignment> consignments)
    {
        using var output = new MemoryStream();
        _blocks.WriteHeader(output, new ManifestHeader(carrierCode, accountNumber, collectionDate, depot, consignments.Count));
        foreach (var consignment in consignments)
        {
            var line = string.Join('|', "CON", consignment.Reference, consignment.Postcode.Replace(" ", ""), consignment.Parcels,
                consignment.WeightKg.ToString("0.00", CultureInfo.InvariantCulture), consignment.Service) + "\n";
            output.Write(Encoding.UTF8.GetBytes(line));
        }
        _blocks.WriteTrailer(output, consignments.Count, consignments.Sum(c => c.WeightKg));
        return output.ToArray();
    }
}
