using System.Globalization;
using Catalogue.Domain;

namespace Catalogue.Import;

/// <summary>Reads the nightly stock feed into stock lines.</summary>
public sealed class FeedParser
{
    public IReadOnlyList<StockLine> Parse(TextReader feed)
    {
        var header = feed.ReadLine();
        if (header != SupplierFeedSpec.Header)
        {
            throw new InvalidDataException($"Unexpected feed header '{header}'.");
        }

        var lines = new List<StockLine>();
        string? line;
        while ((line = feed.ReadLine()) != null)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var fields = line.Split(SupplierFeedSpec.Separator);
            lines.Add(new StockLine(
                fields[0].Trim(),
                fields[1].Trim(),
                int.Parse(fields[2], CultureInfo.InvariantCulture),
                decimal.Parse(fields[3], CultureInfo.InvariantCulture),
                DateOnly.Parse(fields[4], CultureInfo.InvariantCulture)));
        }
        return lines;
    }
}
