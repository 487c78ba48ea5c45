namespace Warehouse;

public record StockSummary(string Sku, long Units, decimal Tonnes, int Locations)
{
    public static IReadOnlyList<StockSummary> BySku(IEnumerable<Pallet> pallets) =>
        pallets.GroupBy(p => p.Sku)
               .Select(g => new StockSummary(g.Key, StockStats.TotalUnits(g), StockStats.TotalWeightGrams(g) / 1_000_000m, StockStats.LocationsUsed(g)))
               .OrderBy(s => s.Sku)
               .ToList();
}
