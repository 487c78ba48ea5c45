using Parts;

namespace Parts.Tests;

public class ComparisonTests
{
    private sealed class Fixed(string supplier, Dictionary<string, decimal> prices) : ISupplierClient
    {
        public string Supplier { get; } = supplier;

        public Task<decimal?> PriceAsync(string partNumber, CancellationToken cancellationToken) =>
            Task.FromResult(prices.TryGetValue(partNumber, out var p) ? p : (decimal?)null);
    }

    [Fact]
    public async Task BestAsync_PicksCheapestStockist()
    {
        var comparison = new PriceComparison([new Fixed("A", new() { ["BP-1"] = 30m }), new Fixed("B", new() { ["BP-1"] = 27.5m }), new Fixed("C", new())]);
        Assert.Equal(new BestPrice("BP-1", "B", 27.5m), await comparison.BestAsync("BP-1"));
    }

    [Fact]
    public async Task BasketAsync_NobodyStocks_HasNoSupplier()
    {
        var comparison = new PriceComparison([new Fixed("A", new())]);
        Assert.Equal([new BestPrice("X-9", null, null)], await comparison.BasketAsync(["X-9", "x-9"]));
    }
}
