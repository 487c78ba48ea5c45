using System.Globalization;
using Catalogue.Domain;

namespace Catalogue.Import;

/// <summary>Writes the file the supplier picks up to confirm which lines we took.</summary>
public sealed class AcknowledgementWriter
{
    public string Write(IEnumerable<StockLine> accepted, DateOnly processedOn)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine("sku;processed_on");
        foreach (var line in accepted)
        {
            writer.WriteLine(string.Join(SupplierFeedSpec.Separator, line.SupplierSku, processedOn.ToString(SupplierFeedSpec.DateFormat, CultureInfo.InvariantCulture)));
        }
        return writer.ToString();
    }
}
