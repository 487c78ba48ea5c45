using Parking.Garage;

public class ParkingTests
{
    private static readonly DateTimeOffset Nine = new(2025, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Duration_ClosedSession_IsEntryToExit()
    {
        var s = new ParkingSession { Plate = "AB12 CDE", EnteredAt = Nine, ExitedAt = Nine.AddMinutes(95) };
        Assert.Equal(TimeSpan.FromMinutes(95), s.Duration(Nine.AddHours(8)));
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(16, 2.40)]
    [InlineData(125, 7.20)]
    [InlineData(600, 18.00)]
    [InlineData(1500, 20.40)]
    public void FeeFor_StartedHoursCappedDaily(int minutes, double fee)
    {
        Assert.Equal((decimal)fee, new Tariff().FeeFor(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void TakingsFor_CountsCarsThatLeftThatDay()
    {
        var sessions = new[]
        {
            new ParkingSession { Plate = "AB12 CDE", EnteredAt = Nine, ExitedAt = Nine.AddMinutes(95) },
            new ParkingSession { Plate = "XY70 ZZT", EnteredAt = Nine.AddDays(-1), ExitedAt = Nine.AddDays(-1).AddHours(3) },
        };
        Assert.Equal(4.80m, new OccupancyReport(new Tariff()).TakingsFor(sessions, new DateOnly(2025, 11, 20), TimeZoneInfo.Utc));
    }
}
