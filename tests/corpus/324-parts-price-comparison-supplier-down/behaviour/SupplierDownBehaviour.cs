using Parts;

namespace Parts.Behaviour.Tests;

public class SupplierDownBehaviour
{
    private sealed class Flaky(string supplier, decimal price, int failures) : ISupplierClient
    {
        private int _calls;
        public string Supplier { get; } = supplier;
        public int Calls => _calls;

        public Task<decimal?> PriceAsync(string partNumber, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new HttpRequestException("503 Service Unavailable")
                : Task.FromResult<decimal?>(price);
    }

    [Fact]
    public async Task BestAsync_SupplierFailsOnce_IsAskedAgainAndCanWin()
    {
        var flaky = new Flaky("Cheap", 10m, failures: 1);
        var best = await new PriceComparison([flaky, new Flaky("Dear", 15m, 0)]).BestAsync("OF-22");
        Assert.Equal(new BestPrice("OF-22", "Cheap", 10m), best);
        Assert.Equal(2, flaky.Calls);
    }

    [Fact]
    public async Task BasketAsync_SupplierDown_OthersStillCompete()
    {
        var down = new Flaky("Down", 1m, failures: int.MaxValue);
        var results = await new PriceComparison([down, new Flaky("Up", 12m, 0)]).BasketAsync(["P1", "P2"]);
        Assert.Equal([new BestPrice("P1", "Up", 12m), new BestPrice("P2", "Up", 12m)], results);
        Assert.Equal(4, down.Calls);
    }
}
