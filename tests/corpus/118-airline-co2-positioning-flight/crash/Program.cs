using Sentry;
using Emissions;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "sustainability-reports@1.3.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// August CO2 report for the regional fleet. An aircraft was positioned empty to Birmingham for maintenance.
var flights = new List<Flight>
{
    new("NX210", new DateOnly(2025, 8, 1), "BRS", "EDI", 583, 142, 2610),
    new("NX211", new DateOnly(2025, 8, 1), "EDI", "BRS", 583, 118, 2575),
    new("NX9001", new DateOnly(2025, 8, 2), "EDI", "BHX", 410, 0, 1390),
    new("NX330", new DateOnly(2025, 8, 3), "BHX", "JER", 382, 96, 1820),
};
var report = MonthlyReport.Build(flights, new EmissionsCalculator());
Console.WriteLine($"{report.TotalCo2Kg} kg CO2, {report.AverageIntensity} g/pkm, positioning: {string.Join(",", report.Positioning)}");
