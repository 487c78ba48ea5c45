using Sentry;
using Accounts;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "accounts-api@5.0.3";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The digest preview endpoint's batch job: describe tomorrow's digests for every subscribed user.
var users = new[]
{
    new User(Guid.Parse("8c1f0f0e-41a4-4c55-9d1e-3e3f0b8a1d01"), "ann@example.org", new UserProfile("Ann", "/u/ann.png", "America/New_York", "en-US")),
    new User(Guid.Parse("3b0a3c9d-7f53-4c1a-a5c8-0f6b2d1e9c02"), "new.signup@example.org", null),
};
foreach (var line in new DigestScheduler(new TimeOnly(8, 0)).DescribeAll(users))
{
    Console.WriteLine(line);
}
