namespace Inventory;

public sealed class StockLedger
{
    private readonly Dictionary<string, StockItem> _items = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<StockItem> Items => _items.Values;

    public ImportResult Receive(string supplierCsv)
    {
        var result = new StockCsvImporter().Import(supplierCsv);
        if (result.HasErrors)
        {
            return result;
        }

        foreach (var item in result.Items)
        {
            _items[item.Sku] = _items.TryGetValue(item.Sku, out var existing)
                ? existing with { Quantity = existing.Quantity + item.Quantity, UnitCost = item.UnitCost }
                : item;
        }

        return result;
    }
}
