using Sentry;
using GridMeter.Analytics;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "meter-portal@2.11.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// February report for a bakery. The meter's modem dropped off the network on the 4th and caught up on the 5th.
var rng = new Random(2025);
var readings = new List<MeterReading>();
for (var day = new DateOnly(2025, 2, 1); day.Month == 2; day = day.AddDays(1))
{
    if (day.Day == 4) continue;
    for (var i = 0; i < 48; i++)
    {
        var kwh = (i is >= 8 and <= 22 ? 38m : 6m) + rng.Next(0, 400) / 100m;
        readings.Add(new MeterReading("1200023456781", new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(30 * i), kwh));
    }
}
foreach (var line in new DemandAnalyser().Month(readings, 2025, 2).Select(DemandAnalyser.Describe))
{
    Console.WriteLine(line);
}
