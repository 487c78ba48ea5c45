using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Ordering
{
    public static class OrderImport
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };

        public static List<Order> Parse(string json)
        {
            return JsonSerializer.Deserialize<List<Order>>(json, Options) ?? new List<Order>();
        }

        public static Dictionary<string, decimal> TotalsByNumber(IEnumerable<Order> orders)
        {
            return orders.ToDictionary(o => o.Number, OrderTotals.Total);
        }
    }
}
