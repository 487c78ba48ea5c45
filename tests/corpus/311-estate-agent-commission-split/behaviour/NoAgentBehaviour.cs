using Agency;

namespace Agency.Behaviour.Tests;

public class NoAgentBehaviour
{
    private static readonly Sale Direct = new("P9", "Frome", 320_000m, 0.0125m, [], new DateOnly(2026, 6, 3));

    [Fact]
    public void Split_NoAgents_ParksThePoolUnderUnassigned() =>
        Assert.Equal([new Share("UNASSIGNED", 1200.00m)], CommissionSplitter.Split(Direct));

    [Fact]
    public void ByAgent_MonthWithADirectSale_ShowsUnassignedTotal()
    {
        var sales = new[] { Direct, new Sale("P8", "Frome", 100_000m, 0.01m, ["k"], new DateOnly(2026, 6, 9)) };
        var totals = MonthlyStatement.ByAgent(sales, 2026, 6);
        Assert.Equal(1200.00m, totals["UNASSIGNED"]);
        Assert.Equal(300m, totals["k"]);
    }
}
