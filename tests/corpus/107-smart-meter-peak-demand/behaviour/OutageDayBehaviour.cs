using GridMeter.Analytics;

public class OutageDayBehaviour
{
    private static IEnumerable<MeterReading> Day(DateOnly day, decimal kwh) =>
        Enumerable.Range(0, 48).Select(i => new MeterReading("1200023456781", new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(30 * i), kwh));

    [Fact]
    public void PeakDemandKw_DayWithoutReadings_IsNull()
    {
        var readings = Day(new DateOnly(2025, 2, 3), 4m);
        Assert.Null(new DemandAnalyser().PeakDemandKw(readings, new DateOnly(2025, 2, 4)));
    }

    [Fact]
    public void Month_OutageDay_IsAGapAndTheOtherDaysAreKept()
    {
        var readings = Enumerable.Range(1, 28).Where(d => d != 4).SelectMany(d => Day(new DateOnly(2025, 2, d), 4m)).ToList();

        var month = new DemandAnalyser().Month(readings, 2025, 2);

        Assert.Equal(28, month.Count);
        Assert.Equal("2025-02-04: no data", DemandAnalyser.Describe(month[3]));
        Assert.Equal(8.0m, month[4].PeakKw);
        Assert.Equal(0m, month[3].TotalKwh);
    }
}
