using Pricing;

namespace Pricing.Tests;

public class MarginsTests
{
    [Fact]
    public void MarginPercent_PriceTwiceCost_IsFifty() => Assert.Equal(50m, Margins.MarginPercent(20m, 10m));

    [Fact]
    public void MarkupPercent_FreeToMake_IsZero() => Assert.Equal(0m, Margins.MarkupPercent(5m, 0m));

    [Fact]
    public void BelowTarget_ThinMargin_IsListed() =>
        Assert.Equal(["CABLE"], MarginReport.BelowTarget([new("CABLE", 10m, 9m), new("CASE", 30m, 12m)], 25m));
}
