using Sentry;
using LabSamples.Import;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "lims-import@3.0.4";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Morning upload from bench 2's nitrate analyser.
var csv = """
sample_id,collected_at,analyte,value,unit,comment
S-2201,2025-09-01T08:15:00,Nitrate,12.40,mg/L,
S-2202,2025-09-01T08:40:00,Nitrate,9.85,mg/L,
S-2203,2025-09-01T09:05:00,Nitrate,11.02,mg/L,re-run
S-2204,2025-09-01T09:30:00,Nitrate,14.7,mg/L
S-2205,2025-09-01T09:55:00,Nitrate,8.31,mg/L,
""";
var results = new InstrumentCsvReader().Read(csv);
foreach (var (analyte, summary) in ResultSummary.ByAnalyte(results))
{
    Console.WriteLine($"{analyte}: {summary.Count} samples, mean {summary.Mean}");
}
