using Payouts;

namespace Payouts.Behaviour.Tests;

public class MissingRateBehaviour
{
    private static readonly FxTable Fx = new(new DateOnly(2026, 6, 1), new Dictionary<string, decimal> { ["EUR"] = 0.85m });

    [Fact]
    public void Run_DueSaleInUnquotedCurrency_StopsTheRun()
    {
        var sales = new[]
        {
            new Sale("o1", "s-1", 20m, "GBP", new DateOnly(2026, 5, 1)),
            new Sale("o2", "s-2", 5000m, "HUF", new DateOnly(2026, 5, 2)),
        };
        var ex = Assert.Throws<InvalidOperationException>(() => new PayoutRun(Fx, 0.10m).Run(sales, new DateOnly(2026, 6, 1)));
        Assert.Contains("HUF", ex.Message);
    }

    [Fact]
    public void Run_UnquotedCurrencyNotYetDue_DoesNotStopTheRun()
    {
        var sales = new[]
        {
            new Sale("o1", "s-1", 20m, "GBP", new DateOnly(2026, 5, 1)),
            new Sale("o2", "s-2", 5000m, "HUF", new DateOnly(2026, 5, 30)),
        };
        Assert.Equal(new Payout("s-1", 20m, 2m), Assert.Single(new PayoutRun(Fx, 0.10m).Run(sales, new DateOnly(2026, 6, 1))));
    }
}
