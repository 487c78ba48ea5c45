using Sentry;
using Agency;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "agency-payroll@3.4.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Commission statements for June. 14 Orchard Rise was instructed through the website and no
// negotiator was ever attached to it.
var sales = new[]
{
    new Sale("FR-2291", "Frome", 415_000m, 0.0125m, ["neg-anna", "neg-luke"], new DateOnly(2026, 6, 5)),
    new Sale("FR-2304", "Frome", 289_950m, 0.0110m, ["neg-luke"], new DateOnly(2026, 6, 12)),
    new Sale("FR-2310", "Frome", 352_500m, 0.0125m, [], new DateOnly(2026, 6, 19)),
    new Sale("FR-2317", "Frome", 199_000m, 0.0150m, ["neg-anna"], new DateOnly(2026, 6, 26)),
};
foreach (var (agent, total) in MonthlyStatement.ByAgent(sales, 2026, 6))
{
    Console.WriteLine($"{agent}: £{total:N2}");
}
