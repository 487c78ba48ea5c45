using Sentry;
using Sales;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "sales-reports@4.1.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The monthly board pack: a trend report per region.
var regions = new Dictionary<string, decimal[]>
{
    ["North"] = [41200m, 39850m, 44010m, 47300m],
    ["South"] = [28100m, 30420m, 29900m, 31760m],
};
foreach (var (region, monthly) in regions)
{
    Console.Write(new TrendReport(region, monthly).Render());
}
