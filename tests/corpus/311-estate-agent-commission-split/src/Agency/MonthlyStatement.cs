namespace Agency;

public static class MonthlyStatement
{
    public static IReadOnlyDictionary<string, decimal> ByAgent(IEnumerable<Sale> sales, int year, int month)
    {
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var sale in sales.Where(s => s.CompletedOn.Year == year && s.CompletedOn.Month == month))
        {
            foreach (var share in CommissionSplitter.Split(sale))
                totals[share.AgentId] = totals.GetValueOrDefault(share.AgentId) + share.Amount;
        }
        return totals;
    }
}
