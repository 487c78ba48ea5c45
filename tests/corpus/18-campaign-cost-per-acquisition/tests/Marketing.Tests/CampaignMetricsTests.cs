using Marketing;

namespace Marketing.Tests;

public class CampaignMetricsTests
{
    private static readonly Campaign Spring = new("Spring", 1200m, 80_000, 1_600, 48);

    [Fact]
    public void CostPerClick_Spring_IsSeventyFivePence() => Assert.Equal(0.75m, CampaignMetrics.CostPerClick(Spring));

    [Fact]
    public void CostPerAcquisition_Spring_IsTwentyFive() => Assert.Equal(25m, CampaignMetrics.CostPerAcquisition(Spring));

    [Fact]
    public void Row_Spring_ShowsAllMetrics() => Assert.Equal("Spring: CTR 2.00% | CPC 0.75 | CPA 25.00", CampaignDashboard.Row(Spring));
}
