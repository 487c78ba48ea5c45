using System.Globalization;
using Promo.Domain;

namespace Promo.Import;

// Merchants upload their promotions as a CSV exported from a spreadsheet: sku,percent,from,until
public sealed class PromoSheetImporter
{
    public IReadOnlyList<PercentOff> Import(IEnumerable<string> rows, IReadOnlySet<string> knownSkus)
    {
        var promos = new List<PercentOff>();
        var n = 0;
        foreach (var row in rows)
        {
            n++;
            var f = row.Split(',');
            var sku = f[0].Trim();
            if (!knownSkus.Contains(sku))
            {
                throw new FormatException($"Row {n}: unknown SKU '{sku}'.");
            }
            var percent = int.Parse(f[1].Trim().TrimEnd('%'), CultureInfo.InvariantCulture);
            var from = DateOnly.ParseExact(f[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var until = DateOnly.ParseExact(f[3].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (until < from)
            {
                until = from;
            }
            promos.Add(new PercentOff(sku, percent, from, until));
        }
        return promos;
    }
}
