using Warehouse;

namespace Warehouse.Behaviour.Tests;

public class LargeStockBehaviour
{
    private static Pallet P(string location, int cases, int units) =>
        new() { Location = location, Sku = "WASHER-M4", Cases = cases, UnitsPerCase = units, GramsPerCase = 900 };

    [Fact]
    public void TotalUnits_SumAboveIntMax_IsExact() =>
        Assert.Equal(2_400_000_000L, StockStats.TotalUnits([P("C1", 1_200, 1_000_000), P("C2", 1_200, 1_000_000)]));

    [Fact]
    public void TotalUnits_OnePalletAboveIntMax_IsExact() =>
        Assert.Equal(3_000_000_000L, StockStats.TotalUnits([P("C3", 3_000, 1_000_000)]));

    [Fact]
    public void BySku_LargeStock_ReportsExactUnits() =>
        Assert.Equal(2_400_000_000L, Assert.Single(StockSummary.BySku([P("C1", 1_200, 1_000_000), P("C2", 1_200, 1_000_000)])).Units);
}
