using System.Collections.Generic;

namespace Wholesale
{
    public static class MarginCheck
    {
        /// <summary>Shelf items whose margin over the supplier's unit price is below the floor (e.g. 0.25 = 25%).</summary>
        public static List<string> BelowFloor(PriceList prices, IDictionary<string, decimal> shelfPrices, decimal floor)
        {
            var flagged = new List<string>();
            foreach (var (sku, shelf) in shelfPrices)
            {
                var row = prices.Find(sku);
                if (row == null)
                    continue;
                var margin = (shelf - row.UnitPrice) / shelf;
                if (margin < floor)
                    flagged.Add(sku);
            }
            flagged.Sort();
            return flagged;
        }
    }
}
