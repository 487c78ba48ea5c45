using System;
using System.Linq;
using Subscriptions;

namespace Subscriptions.Behaviour.Tests
{
    public class RollingSubscriptionBehaviour
    {
        [Fact]
        public void BillableDays_Rolling_RunsToMonthEnd()
        {
            var sub = new Subscription { StartsOn = new DateOnly(2026, 4, 21) };
            Assert.Equal(10, Proration.BillableDays(sub, 2026, 4));
        }

        [Fact]
        public void Charge_RollingFullMonth_IsMonthlyPrice()
        {
            var sub = new Subscription { MonthlyPrice = 27.99m, StartsOn = new DateOnly(2025, 11, 3) };
            Assert.Equal(27.99m, Proration.Charge(sub, 2026, 4));
        }

        [Fact]
        public void Lines_MixOfRollingAndFixedTerm_BillsBoth()
        {
            var subs = new[]
            {
                new Subscription { AccountId = "b", Package = "Daily", MonthlyPrice = 30m, StartsOn = new DateOnly(2026, 4, 16) },
                new Subscription { AccountId = "a", Package = "Weekend", MonthlyPrice = 12m, StartsOn = new DateOnly(2025, 1, 1), EndsOn = new DateOnly(2026, 4, 30) },
                new Subscription { AccountId = "c", Package = "Daily", MonthlyPrice = 30m, StartsOn = new DateOnly(2026, 5, 1) },
            };
            var lines = new BillingRun().Lines(subs, 2026, 4);
            Assert.Equal(new[] { "a", "b" }, lines.Select(l => l.AccountId));
            Assert.Equal(new[] { 12m, 15m }, lines.Select(l => l.Amount));
        }
    }
}
