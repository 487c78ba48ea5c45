using System.Collections.Generic;
using System.Linq;

namespace Subscriptions
{
    public class InvoiceLine
    {
        public string AccountId { get; set; }
        public string Description { get; set; }
        public decimal Amount { get; set; }
    }

    public class BillingRun
    {
        public List<InvoiceLine> Lines(IEnumerable<Subscription> subscriptions, int year, int month)
        {
            var lines = new List<InvoiceLine>();
            foreach (var sub in subscriptions.OrderBy(s => s.AccountId))
            {
                var amount = Proration.Charge(sub, year, month);
                if (amount == 0m)
                    continue;
                lines.Add(new InvoiceLine { AccountId = sub.AccountId, Description = $"{sub.Package} {year}-{month:00}", Amount = amount });
            }
            return lines;
        }
    }
}
