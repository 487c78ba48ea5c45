using Sales;

namespace Sales.Tests;

public class SalesTrendTests
{
    [Fact]
    public void RunningTotal_ThreeMonths_Accumulates() =>
        Assert.Equal([10m, 30m, 60m], SalesTrend.RunningTotal([10m, 20m, 30m]));

    [Fact]
    public void BestMonthIndex_PeakInMarch_IsTwo() =>
        Assert.Equal(2, SalesTrend.BestMonthIndex([5m, 7m, 9m, 1m]));

    [Fact]
    public void YearToDate_NoMonths_IsZero() =>
        Assert.Equal(0m, new TrendReport("North", []).YearToDate());
}
