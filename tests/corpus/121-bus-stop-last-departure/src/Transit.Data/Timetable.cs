namespace Transit.Data;

/// <summary>Today's scheduled departures, per stop, loaded from the GTFS extract at 03:00.</summary>
public sealed class Timetable
{
    private readonly Dictionary<string, List<Departure>> _byStop = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string stopCode, Departure departure)
    {
        if (!_byStop.TryGetValue(stopCode, out var list))
        {
            _byStop[stopCode] = list = new List<Departure>();
        }
        var at = list.FindIndex(d => d.Time > departure.Time);
        list.Insert(at < 0 ? list.Count : at, departure);
    }

    /// <summary>All of today's departures from a stop, in time order; empty for an unknown stop.</summary>
    public IReadOnlyList<Departure> DeparturesFrom(string stopCode) =>
        _byStop.TryGetValue(stopCode, out var list) ? list : [];

    /// <summary>The next departure from a stop.</summary>
    /// <returns>
    /// The first departure strictly after <paramref name="after"/>, or <c>null</c> when no more buses leave
    /// the stop today.
    /// </returns>
    public Departure? NextDeparture(string stopCode, TimeOnly after) =>
        DeparturesFrom(stopCode).First(d => d.Time > after);

    /// <summary>Up to <paramref name="count"/> departures strictly after <paramref name="after"/>.</summary>
    public IReadOnlyList<Departure> DeparturesAfter(string stopCode, TimeOnly after, int count) =>
        DeparturesFrom(stopCode).Where(d => d.Time > after).Take(count).ToList();
}
