using System;
using System.Globalization;

namespace Wholesale
{
    public class PriceRow
    {
        public string Sku { get; set; }
        public decimal CasePrice { get; set; }
        public int CaseSize { get; set; }
        public DateOnly EffectiveFrom { get; set; }

        public decimal UnitPrice => Math.Round(CasePrice / CaseSize, 4);

        public static PriceRow FromCsv(string line)
        {
            var f = line.Split(',');
            return new PriceRow
            {
                Sku = f[0].Trim().ToUpperInvariant(),
                CasePrice = decimal.Parse(f[1], CultureInfo.InvariantCulture),
                CaseSize = int.Parse(f[2], CultureInfo.InvariantCulture),
                EffectiveFrom = DateOnly.ParseExact(f[3].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }
    }
}
