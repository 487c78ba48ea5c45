namespace Inventory;

public sealed record StockItem(string Sku, string Name, int Quantity, decimal UnitCost);

public sealed record ImportError(int Line, string Field, string Message);

public sealed class ImportResult
{
    public List<StockItem> Items { get; } = new();
    public List<ImportError> Errors { get; } = new();
    public bool HasErrors => Errors.Count > 0;
}
