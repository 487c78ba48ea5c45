using System;

namespace Subscriptions
{
    public class Subscription
    {
        public string AccountId { get; set; }
        public string Package { get; set; }
        public decimal MonthlyPrice { get; set; }
        public DateOnly StartsOn { get; set; }

        /// <summary>Last day of delivery (inclusive). Null for a rolling subscription that runs until cancelled.</summary>
        public DateOnly? EndsOn { get; set; }

        public bool IsActiveOn(DateOnly day) =>
            day >= StartsOn && (EndsOn == null || day <= EndsOn.Value);
    }
}
