using System.Globalization;

namespace Heal.LanguageServer.Benchmarks;

/// <summary>One line of the table: a measure's sample count, percentiles and target (ms).</summary>
public sealed record BenchRow(string Measure, int Count, double P50, double P99, double Max, double? Target)
{
    public static BenchRow Of(string measure, IReadOnlyCollection<double> samples, double? target)
    {
        var sorted = samples.Order().ToArray();
        return new BenchRow(measure, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? double.NaN : sorted[^1], target);
    }

    public string Format()
    {
        var target = Target is { } t ? $"p99 ≤ {t.ToString("F0", CultureInfo.InvariantCulture)}" : "";
        var verdict = Target is { } limit && Count > 0 ? (P99 <= limit ? " ok" : " MISS") : "";
        return $"| {Measure,-52} | {Count,4} | {Ms(P50),8} | {Ms(P99),8} | {Ms(Max),8} | {target + verdict,10} |";
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
