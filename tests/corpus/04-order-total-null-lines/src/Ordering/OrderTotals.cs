using System.Collections.Generic;
using System.Linq;

namespace Ordering
{
    public static class OrderTotals
    {
        private static readonly Dictionary<string, decimal> Discounts = new Dictionary<string, decimal>
        {
            { "WELCOME10", 0.10m },
            { "STAFF25", 0.25m },
        };

        public static int CountItems(Order order)
        {
            if (order.Lines == null)
            {
                return 0;
            }

            return order.Lines.Sum(l => l.Quantity);
        }

        public static IEnumerable<string> Skus(Order order)
        {
            if (order.Lines == null)
            {
                return Enumerable.Empty<string>();
            }

            return order.Lines.Select(l => l.Sku).Distinct();
        }

        public static decimal Total(Order order)
        {
            decimal goods = 0m;
            foreach (var line in order.Lines)
            {
                goods += line.UnitPrice * line.Quantity;
            }

            if (order.DiscountCode != null && Discounts.TryGetValue(order.DiscountCode, out var rate))
            {
                goods -= decimal.Round(goods * rate, 2);
            }

            return goods + order.ShippingFee;
        }
    }
}
