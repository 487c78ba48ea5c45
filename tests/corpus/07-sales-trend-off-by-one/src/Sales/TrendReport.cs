using System.Globalization;
using System.Text;

namespace Sales;

public sealed class TrendReport(string region, decimal[] monthly)
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;

    public string Render()
    {
        var changes = SalesTrend.MonthOverMonth(monthly);
        var text = new StringBuilder();
        text.AppendLine($"Region {region}: best month {MonthNames[SalesTrend.BestMonthIndex(monthly)]}");
        for (var i = 0; i < changes.Count; i++)
            text.AppendLine($"{MonthNames[i + 1]}: {changes[i]:+0;-0;0}");
        return text.ToString();
    }

    public decimal YearToDate() => SalesTrend.RunningTotal(monthly).LastOrDefault();
}
