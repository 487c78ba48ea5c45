using Sentry;
using Parking.Garage;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "garage-control@3.5.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The control room's 18:00 refresh of the occupancy screen.
var today = new DateTimeOffset(2025, 11, 20, 0, 0, 0, TimeSpan.Zero);
var sessions = new List<ParkingSession>
{
    new() { Plate = "AB12 CDE", EnteredAt = today.AddHours(8.2), ExitedAt = today.AddHours(9.9) },
    new() { Plate = "KM19 PLO", EnteredAt = today.AddHours(10.5) },
    new() { Plate = "WR21 HHA", EnteredAt = today.AddHours(7.75) },
    new() { Plate = "YT68 BNM", EnteredAt = today.AddHours(12.1), ExitedAt = today.AddHours(12.2) },
};
var report = new OccupancyReport(new Tariff());
foreach (var line in report.CarsInside(sessions, today.AddHours(18)))
{
    Console.WriteLine($"{line.Plate}  {line.Parked:hh\\:mm}  {line.FeeSoFar:0.00}");
}
