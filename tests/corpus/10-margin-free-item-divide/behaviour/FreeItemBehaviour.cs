using Pricing;

namespace Pricing.Behaviour.Tests;

public class FreeItemBehaviour
{
    [Fact]
    public void MarginPercent_FreeItem_IsZero() => Assert.Equal(0m, Margins.MarginPercent(0m, 2.40m));

    [Fact]
    public void MarginPercent_PricedItem_Unchanged() => Assert.Equal(25m, Margins.MarginPercent(8m, 6m));

    [Fact]
    public void BelowTarget_FreeSample_IsListed() =>
        Assert.Equal(["SAMPLE", "CABLE"], MarginReport.BelowTarget([new("SAMPLE", 0m, 1.10m), new("CABLE", 10m, 9m), new("CASE", 30m, 12m)], 25m));
}
