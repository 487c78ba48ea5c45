namespace Warehouse;

public static class PalletMoves
{
    public static Pallet Split(Pallet pallet, int cases, string newLocation)
    {
        if (cases <= 0 || cases >= pallet.Cases)
            throw new ArgumentOutOfRangeException(nameof(cases), cases, "Split must leave cases on both pallets.");
        pallet.Cases -= cases;
        return new Pallet { Location = newLocation, Sku = pallet.Sku, Cases = cases, UnitsPerCase = pallet.UnitsPerCase, GramsPerCase = pallet.GramsPerCase };
    }

    public static IReadOnlyList<Pallet> InAisle(IEnumerable<Pallet> pallets, char aisle) =>
        pallets.Where(p => p.Location.Length > 0 && p.Location[0] == aisle).ToList();

    public static void Merge(Pallet into, Pallet from)
    {
        if (into.Sku != from.Sku)
            throw new InvalidOperationException($"Cannot merge {from.Sku} into {into.Sku}.");
        into.Cases += from.Cases;
        from.Cases = 0;
    }
}
