using Emissions;

public class PositioningFlightBehaviour
{
    [Fact]
    public void GramsPerPassengerKm_NoPassengers_IsNull()
    {
        var ferry = new Flight("NX9001", new DateOnly(2025, 8, 2), "EDI", "BHX", 400, 0, 1400);
        Assert.Null(new EmissionsCalculator().GramsPerPassengerKm(ferry));
    }

    [Fact]
    public void Build_PositioningFlight_CountsInTotalButNotInIntensity()
    {
        var report = MonthlyReport.Build(
        [
            new Flight("NX210", new DateOnly(2025, 8, 1), "BRS", "EDI", 800, 150, 3000),
            new Flight("NX9001", new DateOnly(2025, 8, 2), "EDI", "BHX", 400, 0, 1400),
        ], new EmissionsCalculator());

        Assert.Equal(["NX9001"], report.Positioning);
        Assert.Equal(["NX210"], report.Rows.Select(r => r.FlightNumber));
        Assert.Equal(79, report.AverageIntensity);
        Assert.Equal(9480 + 4424, report.TotalCo2Kg);
    }
}
