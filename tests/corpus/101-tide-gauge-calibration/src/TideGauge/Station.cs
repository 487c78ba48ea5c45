namespace TideGauge;

/// <summary>A tide gauge on the network.</summary>
public sealed class Station
{
    public Station(string id, string name, Calibration? lastCalibration = null)
    {
        Id = id;
        Name = name;
        LastCalibration = lastCalibration;
    }

    /// <summary>The network identifier, e.g. <c>TG-0412</c>.</summary>
    public string Id { get; }

    public string Name { get; }

    /// <summary>
    /// The most recent calibration, or <c>null</c> for a gauge that has not been calibrated since it was
    /// commissioned. Such a gauge's readings are used as measured.
    /// </summary>
    public Calibration? LastCalibration { get; }
}

/// <summary>The result of a site visit where the gauge was levelled against the benchmark.</summary>
/// <param name="Date">The day of the visit.</param>
/// <param name="OffsetMetres">Added to every raw level to bring it to chart datum.</param>
/// <param name="Technician">Who did the levelling.</param>
public sealed record Calibration(DateOnly Date, double OffsetMetres, string Technician);
