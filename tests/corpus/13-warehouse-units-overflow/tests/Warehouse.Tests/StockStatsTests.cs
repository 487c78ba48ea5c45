using Warehouse;

namespace Warehouse.Tests;

public class StockStatsTests
{
    private static Pallet P(string location, string sku, int cases, int units, int grams) =>
        new() { Location = location, Sku = sku, Cases = cases, UnitsPerCase = units, GramsPerCase = grams };

    [Fact]
    public void TotalUnits_SmallStock_Sums() =>
        Assert.Equal(1_450L, StockStats.TotalUnits([P("A1", "BOLT", 10, 100, 500), P("A2", "BOLT", 3, 150, 500)]));

    [Fact]
    public void TotalWeightGrams_HeavyStock_DoesNotOverflow() =>
        Assert.Equal(3_000_000_000L, StockStats.TotalWeightGrams([P("B1", "SAND", 120_000, 1, 25_000)]));

    [Fact]
    public void BySku_TwoSkus_OneLineEach() =>
        Assert.Equal(["BOLT", "NUT"], StockSummary.BySku([P("A1", "NUT", 1, 1, 1), P("A1", "BOLT", 1, 1, 1)]).Select(s => s.Sku));
}
