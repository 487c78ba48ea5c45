namespace Rates;

public sealed class ShippingRates
{
    public const decimal DefaultRate = 24.00m;
    public const string DefaultZone = "ROW";

    private readonly Dictionary<string, string> _zones;
    private readonly Dictionary<string, decimal> _ratesByCountry;

    public ShippingRates(Dictionary<string, string> zones, Dictionary<string, decimal> ratesByCountry)
    {
        _zones = new Dictionary<string, string>(zones, StringComparer.OrdinalIgnoreCase);
        _ratesByCountry = new Dictionary<string, decimal>(ratesByCountry, StringComparer.OrdinalIgnoreCase);
    }

    // Countries we have not priced yet ship at the rest-of-world zone and rate.
    public string ZoneFor(string country) =>
        _zones.TryGetValue(country, out var zone) ? zone : DefaultZone;

    public decimal RateFor(string country) =>
        _ratesByCountry[country];

    public bool IsPriced(string country) => _ratesByCountry.ContainsKey(country);
}
