namespace Emissions;

public sealed record ReportRow(string FlightNumber, DateOnly Date, int Co2Kg, int GramsPerPassengerKm);

public sealed class MonthlyReport
{
    public List<ReportRow> Rows { get; } = new();

    /// <summary>Flights without passengers: their CO₂ counts towards the total but not the intensity.</summary>
    public List<string> Positioning { get; } = new();

    public int TotalCo2Kg { get; set; }

    public double AverageIntensity => Rows.Count == 0 ? 0 : Math.Round(Rows.Average(r => r.GramsPerPassengerKm), 1);

    public static MonthlyReport Build(IEnumerable<Flight> flights, EmissionsCalculator calculator)
    {
        var report = new MonthlyReport();
        foreach (var flight in flights)
        {
            var co2 = calculator.Co2Kg(flight);
            report.TotalCo2Kg += co2;
            var intensity = calculator.GramsPerPassengerKm(flight);
            if (intensity is null)
            {
                report.Positioning.Add(flight.FlightNumber);
                continue;
            }
            report.Rows.Add(new ReportRow(flight.FlightNumber, flight.Date, co2, intensity.Value));
        }
        return report;
    }
}
