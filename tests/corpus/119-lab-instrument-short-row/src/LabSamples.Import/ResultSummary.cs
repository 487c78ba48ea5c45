namespace LabSamples.Import;

public static class ResultSummary
{
    public static IReadOnlyDictionary<string, (int Count, double Mean)> ByAnalyte(IEnumerable<SampleResult> results) =>
        results.GroupBy(r => r.Analyte)
            .ToDictionary(g => g.Key, g => (g.Count(), Math.Round(g.Average(r => r.Value), 3)));
}
