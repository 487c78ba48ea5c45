using Transit.Data;

namespace Transit.Display;

/// <summary>The text on the electronic board at a stop.</summary>
public sealed class StopBoard
{
    public const string NoMoreDepartures = "No more departures today";

    private readonly Timetable _timetable;

    public StopBoard(Timetable timetable)
    {
        _timetable = timetable;
    }

    public IReadOnlyList<string> Render(string stopCode, TimeOnly now)
    {
        var next = _timetable.NextDeparture(stopCode, now);
        if (next is null)
        {
            return [NoMoreDepartures];
        }

        var lines = new List<string> { Line(next, now) };
        lines.AddRange(_timetable.DeparturesAfter(stopCode, next.Time, 3).Select(d => Line(d, now)));
        return lines;
    }

    private static string Line(Departure d, TimeOnly now)
    {
        var minutes = (int)(d.Time - now).TotalMinutes;
        var when = minutes <= 1 ? "Due" : minutes < 15 ? $"{minutes} min" : d.Time.ToString("HH:mm");
        return $"{d.Route,-4} {d.Destination,-18} {when}{(d.LowFloor ? "" : " *")}";
    }
}
