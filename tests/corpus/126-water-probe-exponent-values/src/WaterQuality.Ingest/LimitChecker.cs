namespace WaterQuality.Ingest;

/// <summary>Compares measurements with the permit's limits, in the same units the probes report.</summary>
public sealed class LimitChecker
{
    private readonly IReadOnlyDictionary<string, decimal> _limits;

    public LimitChecker(IReadOnlyDictionary<string, decimal> limits)
    {
        _limits = limits;
    }

    public IEnumerable<Breach> Breaches(IEnumerable<Measurement> measurements)
    {
        foreach (var m in measurements)
        {
            if (_limits.TryGetValue(m.Parameter, out var limit) && m.Value > limit)
            {
                yield return new Breach(m, limit);
            }
        }
    }
}
