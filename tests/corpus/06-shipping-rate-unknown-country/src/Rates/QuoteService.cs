namespace Rates;

public sealed record Quote(string Country, string Zone, int Parcels, decimal Total);

public sealed class QuoteService(ShippingRates rates)
{
    public Quote QuoteFor(string country, int parcels)
    {
        if (parcels <= 0)
            throw new ArgumentOutOfRangeException(nameof(parcels), parcels, "At least one parcel.");

        var total = rates.RateFor(country) * parcels;
        return new Quote(country.ToUpperInvariant(), rates.ZoneFor(country), parcels, total);
    }

    public IReadOnlyList<Quote> QuoteBasket(IEnumerable<(string Country, int Parcels)> lines) =>
        lines.Select(l => QuoteFor(l.Country, l.Parcels)).ToList();
}
