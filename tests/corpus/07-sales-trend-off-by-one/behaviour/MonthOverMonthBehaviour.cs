using Sales;

namespace Sales.Behaviour.Tests;

public class MonthOverMonthBehaviour
{
    [Fact]
    public void MonthOverMonth_ThreeMonths_TwoChanges() =>
        Assert.Equal([20m, -30m], SalesTrend.MonthOverMonth([100m, 120m, 90m]));

    [Fact]
    public void MonthOverMonth_OneMonth_NoChanges() =>
        Assert.Empty(SalesTrend.MonthOverMonth([100m]));

    [Fact]
    public void Render_ThreeMonths_ListsFebruaryAndMarch() =>
        Assert.Equal("Region North: best month Feb\nFeb: +20\nMar: -30\n", new TrendReport("North", [100m, 120m, 90m]).Render().ReplaceLineEndings("\n"));
}
