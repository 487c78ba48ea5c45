using System.Globalization;
using Rota.Domain;

namespace Rota.Import;

/// <summary>Reads the weekly roster export from the e-rostering system.</summary>
public sealed class RosterImporter
{
    /// <summary>Turns export rows into shifts.</summary>
    /// <param name="rows">CSV rows without header: staff id, ward, date (yyyy-MM-dd), start (HH:mm), end (HH:mm).</param>
    /// <remarks>
    /// The export gives clock times only. A shift whose end time is not after its start time runs overnight and
    /// ends on the next day (most wards' night shift is 20:00 to 08:00).
    /// </remarks>
    public IReadOnlyList<Shift> Import(IEnumerable<string> rows)
    {
        var shifts = new List<Shift>();
        foreach (var row in rows)
        {
            var f = row.Split(',');
            var date = DateOnly.ParseExact(f[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var start = TimeSpan.ParseExact(f[3], @"hh\:mm", CultureInfo.InvariantCulture);
            var end = TimeSpan.ParseExact(f[4], @"hh\:mm", CultureInfo.InvariantCulture);
            var hours = (end - start).TotalHours;
            shifts.Add(new Shift(f[0], f[1], date.ToDateTime(TimeOnly.MinValue) + start, hours));
        }
        return shifts;
    }
}
