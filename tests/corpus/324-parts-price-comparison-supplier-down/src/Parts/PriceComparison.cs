namespace Parts;

public sealed record BestPrice(string PartNumber, string? Supplier, decimal? Price);

/// <summary>Finds the cheapest motor-factor supplier for each part the workshop needs.</summary>
public sealed class PriceComparison(IReadOnlyList<ISupplierClient> suppliers)
{
    public async Task<BestPrice> BestAsync(string partNumber, CancellationToken cancellationToken = default)
    {
        var quotes = await Task.WhenAll(suppliers.Select(async s => (s.Supplier, Price: await s.PriceAsync(partNumber, cancellationToken))));
        var stocked = quotes.Where(q => q.Price is not null).OrderBy(q => q.Price).ThenBy(q => q.Supplier, StringComparer.Ordinal).ToList();
        return stocked.Count == 0
            ? new BestPrice(partNumber, null, null)
            : new BestPrice(partNumber, stocked[0].Supplier, stocked[0].Price);
    }

    public async Task<IReadOnlyList<BestPrice>> BasketAsync(IEnumerable<string> partNumbers, CancellationToken cancellationToken = default)
    {
        var results = new List<BestPrice>();
        foreach (var part in partNumbers.Distinct(StringComparer.OrdinalIgnoreCase))
            results.Add(await BestAsync(part, cancellationToken));
        return results;
    }
}
