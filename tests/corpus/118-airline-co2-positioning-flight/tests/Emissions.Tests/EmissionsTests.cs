using Emissions;

public class EmissionsTests
{
    [Fact]
    public void GramsPerPassengerKm_FullFlight()
    {
        var flight = new Flight("NX210", new DateOnly(2025, 8, 1), "BRS", "EDI", 800, 150, 3000);
        Assert.Equal(79, new EmissionsCalculator().GramsPerPassengerKm(flight));
    }

    [Fact]
    public void Build_TotalsCo2AndAveragesIntensity()
    {
        var report = MonthlyReport.Build(
        [
            new Flight("NX210", new DateOnly(2025, 8, 1), "BRS", "EDI", 800, 150, 3000),
            new Flight("NX211", new DateOnly(2025, 8, 1), "EDI", "BRS", 800, 120, 3000),
        ], new EmissionsCalculator());

        Assert.Equal(18960, report.TotalCo2Kg);
        Assert.Equal([79, 98], report.Rows.Select(r => r.GramsPerPassengerKm));
        Assert.Equal(88.5, report.AverageIntensity);
        Assert.Empty(report.Positioning);
    }
}
