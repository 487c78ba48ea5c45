using Sentry;
using TideGauge;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "tidegauge-ingest@2.4.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The overnight upload from the network: the new Porthleven gauge went live last week and has no site visit yet.
var stations = new Dictionary<string, Station>
{
    ["TG-0101"] = new("TG-0101", "Newlyn", new Calibration(new DateOnly(2024, 9, 12), -0.215, "R. Penrose")),
    ["TG-0107"] = new("TG-0107", "Falmouth", new Calibration(new DateOnly(2025, 1, 20), 0.043, "J. Trewin")),
    ["TG-0990"] = new("TG-0990", "Porthleven"),
};
var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
var corrector = new ReadingCorrector();
foreach (var station in stations.Values)
{
    var upload = Enumerable.Range(0, 96).Select(i => new RawReading(start.AddMinutes(15 * i), 2.1 + Math.Sin(i / 7.6) * 1.8));
    var corrected = corrector.CorrectAll(station, upload);
    Console.WriteLine($"{station.Id}: {corrected.Count} readings, high water {corrected.Max(r => r.LevelMetres):F3} m");
}
