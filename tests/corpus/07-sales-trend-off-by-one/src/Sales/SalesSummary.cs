namespace Sales;

public sealed record SalesSummary(string Region, decimal Total, decimal Best, decimal Average)
{
    public static SalesSummary For(string region, decimal[] monthly)
    {
        if (monthly.Length == 0)
            return new SalesSummary(region, 0, 0, 0);
        var total = SalesTrend.RunningTotal(monthly)[^1];
        return new SalesSummary(region, total, monthly[SalesTrend.BestMonthIndex(monthly)], Math.Round(total / monthly.Length, 2));
    }

    public static IReadOnlyList<SalesSummary> Rank(IReadOnlyDictionary<string, decimal[]> regions) =>
        regions.Select(r => For(r.Key, r.Value)).OrderByDescending(s => s.Total).ToList();
}
