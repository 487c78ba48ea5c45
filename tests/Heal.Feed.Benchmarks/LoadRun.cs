namespace Heal.Feed.Benchmarks;

/// <summary>What one load run measured on the client side.</summary>
public sealed record LoadRun(int Sent, int Acknowledged, int Refused429, int OtherErrors, TimeSpan Elapsed, double[] LatenciesMs, TimeSpan GeneratorCpu, string Statuses)
{
    public double EventsPerSecond => Acknowledged / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
