using Sentry;
using Lettings;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "lettings-collections@3.8.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The April direct-debit run. Flat 4 at 22 Mill Lane moved in on 31 January and chose the 31st.
var tenancies = new[]
{
    new Tenancy("ML22-F1", "R. Adeyemi", 895.00m, 1, new DateOnly(2024, 9, 1)),
    new Tenancy("ML22-F2", "C. Byrne & D. Ward", 1150.00m, 15, new DateOnly(2025, 3, 15)),
    new Tenancy("ML22-F4", "P. Nowicka", 925.00m, 31, new DateOnly(2026, 1, 31)),
    new Tenancy("QS7-A", "H. Lee", 1320.00m, 28, new DateOnly(2023, 11, 28)),
};
var april = CollectionSchedule.ForMonth(tenancies, 2026, 4);
Console.Write(BacsFile.Write(april));
Console.WriteLine($"expected £{CollectionSchedule.Expected(april)}");
