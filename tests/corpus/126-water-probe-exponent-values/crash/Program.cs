using Sentry;
using WaterQuality.Ingest;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "riverwatch-ingest@2.3.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Uplink batch from probe RIV-07 below the old mine workings.
var payload = """
RIV-07;ph;7.18;pH;1751364000
RIV-07;ammonia;0.27;mg/L;1751364000
RIV-07;dissolved_oxygen;9.6;mg/L;1751364000
RIV-07;lead;1.2e-05;mg/L;1751364000
RIV-07;zinc;0.0431;mg/L;1751364000
""";
var measurements = new ProbeMessageParser().ParseAll(payload);
var checker = new LimitChecker(new Dictionary<string, decimal> { ["ammonia"] = 0.6m, ["lead"] = 0.01m, ["zinc"] = 0.125m });
Console.WriteLine($"{measurements.Count} measurements, {checker.Breaches(measurements).Count()} breaches");
