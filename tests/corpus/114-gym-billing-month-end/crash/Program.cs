using Sentry;
using Gym.Memberships;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "gym-billing@2.0.5";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// February direct-debit run: every active membership's charges for the month.
var members = new[]
{
    new Membership("M-0412", BillingPlan.Monthly, new DateOnly(2024, 9, 3), 39m),
    new Membership("M-0977", BillingPlan.Annual, new DateOnly(2024, 6, 12), 399m),
    new Membership("M-1180", BillingPlan.Monthly, new DateOnly(2024, 11, 17), 45m, FrozenUntil: new DateOnly(2025, 1, 31)),
    new Membership("M-1302", BillingPlan.Monthly, new DateOnly(2025, 1, 31), 45m),
    new Membership("M-1305", BillingPlan.Monthly, new DateOnly(2025, 2, 1), 39m),
};
var calendar = new BillingCalendar();
var from = new DateOnly(2025, 2, 1);
var to = new DateOnly(2025, 2, 28);
var run = members.SelectMany(m => calendar.ChargesBetween(m, from, to)).ToList();
Console.WriteLine($"{run.Count} charges, {run.Sum(c => c.Amount):0.00} GBP");
