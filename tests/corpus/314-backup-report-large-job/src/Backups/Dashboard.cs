namespace Backups;

public sealed record HostSummary(string Host, int Jobs, int Failed, long Bytes, double SlowestMegabytesPerSecond);

public static class Dashboard
{
    public static IReadOnlyList<HostSummary> ByHost(IEnumerable<string> logLines)
    {
        var reports = logLines
            .Where(l => l.StartsWith("job=", StringComparison.Ordinal))
            .Select(JobReport.Parse)
            .ToList();

        return reports
            .GroupBy(r => r.Host, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new HostSummary(
                g.Key,
                g.Count(),
                g.Count(r => r.Status == JobStatus.Failed),
                g.Sum(r => r.Bytes),
                g.Min(r => r.MegabytesPerSecond)))
            .ToList();
    }

    public static string Human(long bytes) => bytes switch
    {
        >= 1L << 40 => $"{bytes / (double)(1L << 40):0.0} TiB",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        _ => $"{bytes} B",
    };
}
