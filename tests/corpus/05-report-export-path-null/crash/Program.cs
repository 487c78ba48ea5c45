using Sentry;
using Reporting;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "reporting@2.7.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// A dashboard user runs an ad-hoc report; the export service writes it for download.
var exporter = new ReportExporter(new ExportPaths(Path.Combine(Path.GetTempPath(), "reports")));
var report = new Report { Id = 3318, Title = "Refunds by channel (ad hoc)" };
var path = exporter.Export(report, [["channel", "refunds"], ["web", "41"], ["store", "7"]]);
Console.WriteLine($"written {path}");
