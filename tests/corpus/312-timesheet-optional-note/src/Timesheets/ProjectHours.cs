namespace Timesheets;

public sealed record ProjectTotal(string Project, decimal Hours, int Entries, IReadOnlyList<string> Notes);

public static class ProjectHours
{
    public static IReadOnlyList<TimesheetEntry> Import(string export) =>
        export.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("employee|", StringComparison.OrdinalIgnoreCase))
            .Select(TimesheetEntry.Parse)
            .ToList();

    /// <summary>Hours per project for the week, with the notes people left (blank notes are not listed).</summary>
    public static IReadOnlyList<ProjectTotal> Totals(IEnumerable<TimesheetEntry> entries) =>
        entries
            .GroupBy(e => e.Project)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProjectTotal(
                g.Key,
                g.Sum(e => e.Hours),
                g.Count(),
                g.Where(e => !string.IsNullOrWhiteSpace(e.Note)).Select(e => $"{e.Employee}: {e.Note}").ToList()))
            .ToList();
}
