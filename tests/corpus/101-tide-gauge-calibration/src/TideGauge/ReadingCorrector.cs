namespace TideGauge;

/// <summary>Brings raw water levels from the gauges to chart datum.</summary>
public sealed class ReadingCorrector
{
    private readonly int _staleAfterDays;

    public ReadingCorrector(int staleAfterDays = 365)
    {
        _staleAfterDays = staleAfterDays;
    }

    /// <summary>Corrects one raw level by the station's calibration offset.</summary>
    /// <param name="station">The gauge the level came from.</param>
    /// <param name="rawLevelMetres">The level as the gauge measured it.</param>
    /// <returns>
    /// The level relative to chart datum, rounded to the millimetre. A gauge that was never calibrated reports its
    /// raw level unchanged.
    /// </returns>
    public double Correct(Station station, double rawLevelMetres)
    {
        var offset = station.LastCalibration.OffsetMetres;
        return Math.Round(rawLevelMetres + offset, 3);
    }

    /// <summary>Corrects every reading of one upload, keeping their order.</summary>
    public IReadOnlyList<CorrectedReading> CorrectAll(Station station, IEnumerable<RawReading> readings)
    {
        var corrected = new List<CorrectedReading>();
        foreach (var reading in readings)
        {
            corrected.Add(new CorrectedReading(station.Id, reading.Time, Correct(station, reading.LevelMetres)));
        }
        return corrected;
    }

    /// <summary>Days since the gauge was last calibrated, or <c>null</c> when it never was.</summary>
    public int? DaysSinceCalibration(Station station, DateOnly today) =>
        station.LastCalibration is { } calibration ? today.DayNumber - calibration.Date.DayNumber : null;

    /// <summary>True when the gauge is due a site visit: never calibrated, or calibrated too long ago.</summary>
    public bool IsDueForCalibration(Station station, DateOnly today) =>
        DaysSinceCalibration(station, today) is not { } days || days > _staleAfterDays;
}
