using System.Globalization;

namespace Rates;

/// <summary>Parses the carrier's rate card ("GB;UK;3.95" per line) into the lookups ShippingRates uses.</summary>
public static class RateCard
{
    public static ShippingRates Parse(string text)
    {
        var zones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
                continue;
            var parts = line.Split(';');
            zones[parts[0]] = parts[1];
            if (parts.Length > 2 && parts[2].Length > 0)
                rates[parts[0]] = decimal.Parse(parts[2], CultureInfo.InvariantCulture);
        }
        return new ShippingRates(zones, rates);
    }

    public static IReadOnlyList<string> Unpriced(ShippingRates rates, IEnumerable<string> countries) =>
        countries.Where(c => !rates.IsPriced(c)).Select(c => c.ToUpperInvariant()).ToList();
}
