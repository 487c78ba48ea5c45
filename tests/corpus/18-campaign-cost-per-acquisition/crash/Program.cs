using Sentry;
using Marketing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "marketing-dashboard@1.21.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The Monday dashboard e-mail; the new brand-awareness campaign brought clicks but no customers yet.
var campaigns = new Campaign[]
{
    new("Spring sale - search", 4_250m, 310_000, 6_820, 173),
    new("Brand awareness - video", 1_900m, 402_500, 2_415, 0),
};
foreach (var row in CampaignDashboard.Rows(campaigns))
{
    Console.WriteLine(row);
}
