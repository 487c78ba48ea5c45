using Sentry;
using Pricing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "pricing-jobs@1.3.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The weekly margin review; marketing added a free sample to the catalogue on Monday.
var catalog = new CatalogItem[]
{
    new("CASE-IP15", 24.99m, 6.10m),
    new("CABLE-USB-C", 9.99m, 2.35m),
    new("SAMPLE-WIPES", 0m, 0.42m),
};
Console.WriteLine(string.Join(", ", MarginReport.BelowTarget(catalog, 40m)));
