using Sentry;
using Subscriptions;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "circulation-billing@8.1.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Month-end billing for the Evening Post. Most new sign-ups since the spring promotion are rolling.
var subscriptions = new[]
{
    new Subscription { AccountId = "EP-00917", Package = "Daily + Sunday", MonthlyPrice = 34.50m, StartsOn = new DateOnly(2024, 2, 1), EndsOn = new DateOnly(2026, 12, 31) },
    new Subscription { AccountId = "EP-03360", Package = "Weekend", MonthlyPrice = 14.00m, StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 5, 19) },
    new Subscription { AccountId = "EP-04102", Package = "Daily", MonthlyPrice = 29.00m, StartsOn = new DateOnly(2026, 5, 12) },
    new Subscription { AccountId = "EP-04115", Package = "Saturday", MonthlyPrice = 6.50m, StartsOn = new DateOnly(2026, 5, 16) },
};
foreach (var line in new BillingRun().Lines(subscriptions, 2026, 5))
{
    Console.WriteLine($"{line.AccountId} {line.Description} £{line.Amount}");
}
