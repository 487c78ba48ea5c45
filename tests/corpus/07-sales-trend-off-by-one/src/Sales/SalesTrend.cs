namespace Sales;

public static class SalesTrend
{
    public static decimal[] RunningTotal(decimal[] monthly)
    {
        var totals = new decimal[monthly.Length];
        decimal sum = 0;
        for (var i = 0; i < monthly.Length; i++)
        {
            sum += monthly[i];
            totals[i] = sum;
        }
        return totals;
    }

    public static List<decimal> MonthOverMonth(decimal[] monthly)
    {
        var changes = new List<decimal>();
        for (var i = 1; i <= monthly.Length; i++)
            changes.Add(monthly[i] - monthly[i - 1]);
        return changes;
    }

    public static int BestMonthIndex(decimal[] monthly)
    {
        var best = 0;
        for (var i = 1; i < monthly.Length; i++)
            if (monthly[i] > monthly[best])
                best = i;
        return best;
    }
}
