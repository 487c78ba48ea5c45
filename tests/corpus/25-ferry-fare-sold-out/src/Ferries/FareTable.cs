namespace Ferries;

public sealed record Sailing(string Route, DateTime Departs);

public sealed record Fare(string Route, DateTime Departs, string Class, decimal Price, int SeatsLeft);

public sealed class FareTable
{
    private readonly List<Fare> _fares = [];

    public void Add(Fare fare) => _fares.Add(fare);

    public void Replace(Fare old, Fare updated) => _fares[_fares.IndexOf(old)] = updated;

    public IEnumerable<Fare> For(Sailing sailing) =>
        _fares.Where(f => f.Route == sailing.Route && f.Departs == sailing.Departs);

    public int SeatsLeft(Sailing sailing) => For(sailing).Sum(f => f.SeatsLeft);

    /// <summary>
    /// The cheapest fare class that still has seats on the sailing. Online bookings are charged exactly
    /// this amount, so it must never come back as 0.
    /// </summary>
    public decimal CheapestFare(Sailing sailing) =>
        For(sailing).Where(f => f.SeatsLeft > 0).Min(f => f.Price);
}
