using Sentry;
using Beacon.Ingest;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "beacon-ingest@12.0.3";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Hourly warehouse export. One customer's web snippet builds property names from form field ids, and one field has none.
var at = new DateTimeOffset(2025, 3, 9, 14, 0, 0, TimeSpan.Zero);
var events = new List<TrackingEvent>
{
    new("Page Viewed", "a-17", at, new() { ["PagePath"] = "/pricing", ["Referrer"] = "https://news.example/" }),
    new("Form Submitted", "a-17", at.AddSeconds(41), new() { ["FormId"] = "trial-signup", ["Company"] = "Acme Tiles", [""] = "on", ["Seats"] = 12 }),
    new("Page Viewed", "a-88", at.AddSeconds(52), new() { ["PagePath"] = "/docs" }),
};
foreach (var line in new WarehouseExporter().ToJsonLines(events))
{
    Console.WriteLine(line);
}
