namespace Timing;

public sealed record Standing(int Position, string KartNumber, string Name, TimeSpan? BestLap, int Cuts)
{
    public string BestLapText => BestLap is { } t ? t.ToString(@"m\:ss\.fff") : "no time";
}

public static class Leaderboard
{
    /// <summary>Qualifying order: fastest valid lap first; drivers without a valid lap start from the back.</summary>
    public static IReadOnlyList<Standing> Qualifying(IEnumerable<Driver> drivers)
    {
        var rows = drivers
            .Select(d => (Driver: d, Best: LapStatistics.BestLap(d)))
            .OrderBy(r => r.Best is null)
            .ThenBy(r => r.Best)
            .ThenBy(r => r.Driver.KartNumber, StringComparer.Ordinal)
            .ToList();

        return rows.Select((r, i) => new Standing(i + 1, r.Driver.KartNumber, r.Driver.Name, r.Best, LapStatistics.CutCount(r.Driver))).ToList();
    }
}
