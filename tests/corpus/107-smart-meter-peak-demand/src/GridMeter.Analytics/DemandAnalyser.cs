namespace GridMeter.Analytics;

/// <summary>Turns half-hourly meter data into the daily figures on the business customer portal.</summary>
public sealed class DemandAnalyser
{
    /// <summary>Half-hour periods in a day (ignoring clock-change days).</summary>
    public const int PeriodsPerDay = 48;

    /// <summary>The highest demand of the day, in kW: the energy of the busiest half hour, times two.</summary>
    /// <returns>
    /// The peak demand, or <c>null</c> when the meter sent no readings for that day (a communications outage).
    /// The report shows such days as gaps; a zero would read as a site that was shut.
    /// </returns>
    public decimal? PeakDemandKw(IEnumerable<MeterReading> readings, DateOnly day)
    {
        return readings
            .Where(r => DayOf(r) == day)
            .Max(r => r.Kwh * 2);
    }

    public DailyDemand Summarise(IReadOnlyCollection<MeterReading> readings, DateOnly day)
    {
        var ofDay = readings.Where(r => DayOf(r) == day).ToList();
        return new DailyDemand(day, ofDay.Sum(r => r.Kwh), PeakDemandKw(ofDay, day), ofDay.Count);
    }

    public IReadOnlyList<DailyDemand> Month(IReadOnlyCollection<MeterReading> readings, int year, int month) =>
        Enumerable.Range(1, DateTime.DaysInMonth(year, month))
            .Select(d => Summarise(readings, new DateOnly(year, month, d)))
            .ToList();

    /// <summary>The portal's line for one day.</summary>
    public static string Describe(DailyDemand day) =>
        day.PeakKw is { } peak
            ? $"{day.Day:yyyy-MM-dd}: {day.TotalKwh:0.00} kWh, peak {peak:0.0} kW{(day.Intervals < PeriodsPerDay ? " (partial)" : "")}"
            : $"{day.Day:yyyy-MM-dd}: no data";

    private static DateOnly DayOf(MeterReading reading) => DateOnly.FromDateTime(reading.IntervalStart.UtcDateTime);
}
