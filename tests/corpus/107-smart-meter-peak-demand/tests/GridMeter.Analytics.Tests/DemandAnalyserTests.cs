using GridMeter.Analytics;

public class DemandAnalyserTests
{
    private static IEnumerable<MeterReading> Day(DateOnly day, Func<int, decimal> kwh, int periods = 48) =>
        Enumerable.Range(0, periods).Select(i => new MeterReading("1200023456781", new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(30 * i), kwh(i)));

    [Fact]
    public void PeakDemandKw_IsTwiceTheBusiestHalfHour()
    {
        var readings = Day(new DateOnly(2025, 1, 8), i => i == 20 ? 61.5m : 10m);
        Assert.Equal(123.0m, new DemandAnalyser().PeakDemandKw(readings, new DateOnly(2025, 1, 8)));
    }

    [Fact]
    public void Describe_PartialDay_SaysSo()
    {
        var day = new DateOnly(2025, 1, 9);
        var summary = new DemandAnalyser().Summarise(Day(day, _ => 5m, periods: 30).ToList(), day);
        Assert.Equal("2025-01-09: 150.00 kWh, peak 10.0 kW (partial)", DemandAnalyser.Describe(summary));
    }
}
