using System.Globalization;

namespace Timesheets;

/// <summary>
/// One line of the time-tracking export: <c>employee|project|yyyy-MM-dd|hours[|note]</c>.
/// The note is optional and the exporter leaves the column out entirely when nobody typed one.
/// </summary>
public sealed record TimesheetEntry(string Employee, string Project, DateOnly Date, decimal Hours, string? Note)
{
    public static TimesheetEntry Parse(string line)
    {
        var parts = line.Split('|');
        if (parts.Length < 4)
            throw new FormatException($"Expected at least 4 fields: '{line}'");

        return new TimesheetEntry(
            parts[0].Trim(),
            parts[1].Trim().ToUpperInvariant(),
            DateOnly.ParseExact(parts[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(parts[3].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture),
            parts[4].Trim());
    }
}
