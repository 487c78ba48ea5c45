using Sentry;
using Payouts;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "payouts-worker@2.2.5";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Weekly seller payout run. A seller in Budapest has started listing in forints; treasury's FX
// table for the day does not quote HUF.
var fx = new FxTable(new DateOnly(2026, 6, 8), new Dictionary<string, decimal> { ["EUR"] = 0.8521m, ["USD"] = 0.7893m, ["PLN"] = 0.1987m, ["SEK"] = 0.0741m });
var sales = new[]
{
    new Sale("100-4471", "SEL-0042", 34.99m, "GBP", new DateOnly(2026, 5, 12)),
    new Sale("100-4488", "SEL-0042", 18.50m, "EUR", new DateOnly(2026, 5, 14)),
    new Sale("100-4502", "SEL-0117", 129.00m, "PLN", new DateOnly(2026, 5, 15)),
    new Sale("100-4519", "SEL-0230", 12990m, "HUF", new DateOnly(2026, 5, 16)),
    new Sale("100-4530", "SEL-0117", 45.00m, "PLN", new DateOnly(2026, 6, 2)),
};
foreach (var payout in new PayoutRun(fx, 0.12m).Run(sales, new DateOnly(2026, 6, 8)))
{
    Console.WriteLine($"{payout.SellerId}: gross {payout.GrossGbp:0.00} commission {payout.CommissionGbp:0.00} net {payout.NetGbp:0.00}");
}
