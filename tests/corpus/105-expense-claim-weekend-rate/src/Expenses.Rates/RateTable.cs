namespace Expenses.Rates;

/// <summary>
/// Exchange rates published by the treasury team each business day, as units of a currency per one unit of
/// the base currency.
/// </summary>
public sealed class RateTable
{
    private readonly Dictionary<(DateOnly Date, string Currency), decimal> _rates = new();

    public RateTable(string baseCurrency)
    {
        BaseCurrency = baseCurrency;
    }

    public string BaseCurrency { get; }

    public void Publish(DateOnly date, string currency, decimal unitsPerBase)
    {
        if (unitsPerBase <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(unitsPerBase), unitsPerBase, "A rate must be positive.");
        }
        _rates[(date, currency.ToUpperInvariant())] = unitsPerBase;
    }

    /// <summary>Converts an amount paid on <paramref name="date"/> into the base currency, to the penny.</summary>
    public decimal ToBase(decimal amount, string currency, DateOnly date)
    {
        currency = currency.ToUpperInvariant();
        if (currency == BaseCurrency)
        {
            return amount;
        }
        var rate = _rates[(date, currency)];
        return Math.Round(amount / rate, 2, MidpointRounding.AwayFromZero);
    }
}
