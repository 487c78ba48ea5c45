using Agency;

namespace Agency.Tests;

public class SplitTests
{
    [Fact]
    public void Split_ThreeAgents_LeadGetsThePennies()
    {
        var sale = new Sale("P1", "Bath", 250_000m, 0.012m, ["a", "b", "c"], new DateOnly(2026, 4, 2));
        Assert.Equal([new Share("a", 300.00m), new Share("b", 300.00m), new Share("c", 300.00m)], CommissionSplitter.Split(sale));

        var odd = sale with { Price = 250_002.50m };
        Assert.Equal(900.01m, CommissionSplitter.Split(odd).Sum(s => s.Amount));
        Assert.Equal(300.01m, CommissionSplitter.Split(odd)[0].Amount);
    }

    [Fact]
    public void ByAgent_SumsTheMonth()
    {
        var sales = new[]
        {
            new Sale("P1", "Bath", 100_000m, 0.01m, ["a"], new DateOnly(2026, 4, 2)),
            new Sale("P2", "Bath", 200_000m, 0.01m, ["a", "b"], new DateOnly(2026, 4, 20)),
            new Sale("P3", "Bath", 300_000m, 0.01m, ["b"], new DateOnly(2026, 5, 1)),
        };
        var totals = MonthlyStatement.ByAgent(sales, 2026, 4);
        Assert.Equal(600m, totals["a"]);
        Assert.Equal(300m, totals["b"]);
    }
}
