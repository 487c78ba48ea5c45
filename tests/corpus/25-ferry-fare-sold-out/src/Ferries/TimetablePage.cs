using System.Globalization;

namespace Ferries;

/// <summary>Renders the "departures this week" page of the booking site.</summary>
public sealed class TimetablePage(FareTable fares)
{
    public string Line(Sailing sailing) =>
        string.Create(CultureInfo.InvariantCulture, $"{sailing.Departs:ddd HH:mm} {sailing.Route}  from £{fares.CheapestFare(sailing):0.00}  ({fares.SeatsLeft(sailing)} seats)");

    public IReadOnlyList<string> Render(IEnumerable<Sailing> sailings) =>
        sailings.OrderBy(s => s.Departs).Select(Line).ToList();
}
