using Payouts;

namespace Payouts.Tests;

public class PayoutRunTests
{
    private static readonly FxTable Fx = new(new DateOnly(2026, 6, 1), new Dictionary<string, decimal> { ["EUR"] = 0.85m, ["USD"] = 0.79m });

    [Fact]
    public void ToGbp_Converts() => Assert.Equal(8.50m, Fx.ToGbp(10m, "eur"));

    [Fact]
    public void Run_SumsPerSellerAfterReturnWindow()
    {
        var sales = new[]
        {
            new Sale("o1", "s-1", 20m, "GBP", new DateOnly(2026, 5, 1)),
            new Sale("o2", "s-1", 10m, "EUR", new DateOnly(2026, 5, 2)),
            new Sale("o3", "s-2", 100m, "USD", new DateOnly(2026, 5, 30)),
        };
        var payouts = new PayoutRun(Fx, 0.10m).Run(sales, new DateOnly(2026, 6, 1));
        var payout = Assert.Single(payouts);
        Assert.Equal(new Payout("s-1", 28.50m, 2.85m), payout);
    }
}
