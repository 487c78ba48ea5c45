namespace Marketing;

public static class CampaignMetrics
{
    public static decimal CostPerClick(Campaign c) => Math.Round(c.Spend / c.Clicks, 2);

    public static decimal ClickThroughPercent(Campaign c) => Math.Round(100m * c.Clicks / c.Impressions, 2);

    public static decimal CostPerAcquisition(Campaign c) => Math.Round(c.Spend / c.NewCustomers, 2);
}
