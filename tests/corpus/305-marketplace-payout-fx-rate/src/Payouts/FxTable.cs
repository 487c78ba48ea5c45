namespace Payouts;

public sealed class FxTable
{
    private readonly Dictionary<string, decimal> _gbpPerUnit;

    public FxTable(DateOnly publishedOn, IDictionary<string, decimal> gbpPerUnit)
    {
        PublishedOn = publishedOn;
        _gbpPerUnit = new Dictionary<string, decimal>(gbpPerUnit, StringComparer.OrdinalIgnoreCase);
    }

    public DateOnly PublishedOn { get; }

    public decimal ToGbp(decimal amount, string currency) =>
        string.Equals(currency, "GBP", StringComparison.OrdinalIgnoreCase)
            ? amount
            : Math.Round(amount * _gbpPerUnit[currency], 2, MidpointRounding.ToEven);
}
