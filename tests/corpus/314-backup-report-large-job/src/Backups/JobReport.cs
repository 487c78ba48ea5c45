using System.Globalization;

namespace Backups;

public enum JobStatus { Ok, Warning, Failed }

/// <summary>One line of the backup agent's end-of-job log, e.g.
/// <c>job=nightly-db;host=db01;status=ok;bytes=73400320;files=212;seconds=95</c>.</summary>
public sealed record JobReport(string Job, string Host, JobStatus Status, long Bytes, int Files, TimeSpan Duration)
{
    public static JobReport Parse(string line)
    {
        var fields = line.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.OrdinalIgnoreCase);

        return new JobReport(
            fields["job"],
            fields["host"],
            Enum.Parse<JobStatus>(fields["status"], ignoreCase: true),
            int.Parse(fields["bytes"], CultureInfo.InvariantCulture),
            int.Parse(fields["files"], CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(long.Parse(fields["seconds"], CultureInfo.InvariantCulture)));
    }

    /// <summary>Throughput in MB/s; 0 for a job that took no measurable time.</summary>
    public double MegabytesPerSecond => Duration.TotalSeconds <= 0 ? 0 : Bytes / 1_048_576d / Duration.TotalSeconds;
}
