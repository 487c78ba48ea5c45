using System;
using Subscriptions;

namespace Subscriptions.Tests
{
    public class ProrationTests
    {
        [Fact]
        public void IsActiveOn_Rolling_IsOpenEnded()
        {
            var sub = new Subscription { StartsOn = new DateOnly(2026, 1, 1) };
            Assert.True(sub.IsActiveOn(new DateOnly(2030, 1, 1)));
        }

        [Fact]
        public void Charge_EndsMidMonth_IsProRata()
        {
            var sub = new Subscription { AccountId = "a", Package = "Weekend", MonthlyPrice = 31m, StartsOn = new DateOnly(2025, 1, 1), EndsOn = new DateOnly(2026, 3, 10) };
            Assert.Equal(10m, Proration.Charge(sub, 2026, 3));
        }

        [Fact]
        public void Lines_SkipsEndedSubscriptions()
        {
            var sub = new Subscription { AccountId = "a", Package = "Daily", MonthlyPrice = 30m, StartsOn = new DateOnly(2025, 1, 1), EndsOn = new DateOnly(2026, 2, 28) };
            Assert.Empty(new BillingRun().Lines(new[] { sub }, 2026, 3));
        }
    }
}
