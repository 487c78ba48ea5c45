namespace Timing;

public static class LapStatistics
{
    /// <summary>The driver's fastest lap that counts: laps where the transponder saw a track cut are void.</summary>
    /// <returns>The fastest valid lap time, or null when the driver has not set a valid lap.</returns>
    public static TimeSpan? BestLap(Driver driver) =>
        driver.Laps.Where(l => !l.CutTrack).Min(l => l.Time);

    /// <summary>Mean of the valid laps, or null when there are none.</summary>
    public static TimeSpan? AverageLap(Driver driver)
    {
        var valid = driver.Laps.Where(l => !l.CutTrack).ToList();
        if (valid.Count == 0)
            return null;
        return TimeSpan.FromTicks((long)valid.Average(l => l.Time.Ticks));
    }

    public static int CutCount(Driver driver) => driver.Laps.Count(l => l.CutTrack);
}
