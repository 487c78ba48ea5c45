using System;
using System.Collections.Generic;
using System.Linq;

namespace Wholesale
{
    /// <summary>
    /// The supplier's price list as of a date. Suppliers append price changes to the same file, so a SKU can
    /// appear more than once: the row with the latest EffectiveFrom on or before the date is the price.
    /// Rows that take effect after the date are ignored.
    /// </summary>
    public class PriceList
    {
        private readonly Dictionary<string, PriceRow> _bySku;

        public PriceList(IEnumerable<PriceRow> rows, DateOnly asOf)
        {
            AsOf = asOf;
            _bySku = rows
                .Where(r => r.EffectiveFrom <= asOf)
                .ToDictionary(r => r.Sku, StringComparer.OrdinalIgnoreCase);
        }

        public DateOnly AsOf { get; }

        public int Count => _bySku.Count;

        public PriceRow Find(string sku) => _bySku.TryGetValue(sku, out var row) ? row : null;

        public static PriceList Parse(string csv, DateOnly asOf) =>
            new PriceList(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Skip(1)
                .Select(PriceRow.FromCsv), asOf);
    }
}
