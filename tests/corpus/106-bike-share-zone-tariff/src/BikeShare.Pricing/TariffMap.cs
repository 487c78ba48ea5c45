namespace BikeShare.Pricing;

/// <summary>Which tariff each pricing zone rides at, as set by the pricing team.</summary>
public sealed class TariffMap
{
    private readonly Dictionary<string, Tariff> _byZone;

    public TariffMap(IDictionary<string, Tariff> byZone)
    {
        _byZone = new Dictionary<string, Tariff>(byZone, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Zones the pricing team has classified.</summary>
    public IReadOnlyCollection<string> ClassifiedZones => _byZone.Keys;

    /// <summary>The tariff for rides that start at <paramref name="dock"/>.</summary>
    /// <returns>
    /// The tariff of the dock's zone. New docks go live before the pricing team classifies their zone; rides from
    /// a zone that is not classified yet are charged at <see cref="Tariff.Standard"/>.
    /// </returns>
    public Tariff TariffFor(Dock dock) => _byZone[dock.ZoneCode];

    /// <summary>The zones of <paramref name="docks"/> still waiting for the pricing team, for its dashboard.</summary>
    public IReadOnlyList<string> UnclassifiedZones(IEnumerable<Dock> docks) =>
        docks.Select(d => d.ZoneCode).Where(z => !_byZone.ContainsKey(z)).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
}
