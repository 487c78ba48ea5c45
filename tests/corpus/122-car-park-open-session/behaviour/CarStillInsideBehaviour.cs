using Parking.Garage;

public class CarStillInsideBehaviour
{
    private static readonly DateTimeOffset Nine = new(2025, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Duration_OpenSession_RunsUntilNow()
    {
        var s = new ParkingSession { Plate = "KM19 PLO", EnteredAt = Nine };
        Assert.Equal(TimeSpan.FromMinutes(190), s.Duration(Nine.AddMinutes(190)));
    }

    [Fact]
    public void CarsInside_ShowsTheFeeSoFar_LongestFirst()
    {
        var sessions = new[]
        {
            new ParkingSession { Plate = "KM19 PLO", EnteredAt = Nine.AddMinutes(130) },
            new ParkingSession { Plate = "AB12 CDE", EnteredAt = Nine, ExitedAt = Nine.AddMinutes(95) },
            new ParkingSession { Plate = "WR21 HHA", EnteredAt = Nine.AddMinutes(-40) },
        };

        var lines = new OccupancyReport(new Tariff()).CarsInside(sessions, Nine.AddHours(4));

        Assert.Equal(
            [new OccupancyLine("WR21 HHA", TimeSpan.FromMinutes(280), 12.00m), new OccupancyLine("KM19 PLO", TimeSpan.FromMinutes(110), 4.80m)],
            lines);
    }
}
