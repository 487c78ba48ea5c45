using Sentry;
using Loyalty;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "loyalty-batch@2.4.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Nightly job: e-mail each member their statement for last month. Member L-20417 joined in April
// and has not qualified for a tier yet.
var members = new[]
{
    new Member { Number = "L-10233", DisplayName = "Priya Shah", Tier = new Tier("Gold", 2m), JoinedOn = new DateOnly(2019, 3, 14) },
    new Member { Number = "L-18870", DisplayName = "Tom Reid", Tier = new Tier("Silver", 1.5m), JoinedOn = new DateOnly(2023, 8, 2) },
    new Member { Number = "L-20417", DisplayName = "Hana Kowalska", JoinedOn = new DateOnly(2026, 4, 20) },
};
var purchases = new[]
{
    new Purchase("L-10233", new DateOnly(2026, 5, 3), 54.20m, "Leeds Briggate"),
    new Purchase("L-18870", new DateOnly(2026, 5, 7), 12.99m, "York"),
    new Purchase("L-20417", new DateOnly(2026, 5, 11), 23.45m, "Harrogate"),
    new Purchase("L-10233", new DateOnly(2026, 5, 28), 8.10m, "Leeds Briggate"),
};
var builder = new StatementBuilder(members);
foreach (var member in members)
{
    var statement = builder.Build(member.Number, purchases, 2026, 5);
    Console.WriteLine($"{statement.Heading}: {statement.Lines.Count} purchases, {statement.TotalPoints} points");
}
