using System.Globalization;

namespace Marketing;

public static class CampaignDashboard
{
    public static IReadOnlyList<string> Rows(IEnumerable<Campaign> campaigns) =>
        campaigns.Select(Row).ToList();

    public static string Row(Campaign c) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{c.Name}: CTR {CampaignMetrics.ClickThroughPercent(c):0.00}% | CPC {CampaignMetrics.CostPerClick(c):0.00} | CPA {FormatCpa(c)}");

    private static string FormatCpa(Campaign c) =>
        CampaignMetrics.CostPerAcquisition(c).ToString("0.00", CultureInfo.InvariantCulture);
}
