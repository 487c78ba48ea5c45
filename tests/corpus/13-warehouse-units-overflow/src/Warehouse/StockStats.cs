namespace Warehouse;

public static class StockStats
{
    public static long TotalWeightGrams(IEnumerable<Pallet> pallets)
    {
        long total = 0;
        foreach (var pallet in pallets)
            total += (long)pallet.Cases * pallet.GramsPerCase;
        return total;
    }

    public static long TotalUnits(IEnumerable<Pallet> pallets)
    {
        int total = 0;
        foreach (var pallet in pallets)
            total += pallet.Cases * pallet.UnitsPerCase;
        return total;
    }

    public static int LocationsUsed(IEnumerable<Pallet> pallets) =>
        pallets.Select(p => p.Location).Distinct().Count();
}
