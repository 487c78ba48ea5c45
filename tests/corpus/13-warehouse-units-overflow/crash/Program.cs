using Sentry;
using Warehouse;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "warehouse-reports@6.0.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The end-of-month stock summary; the new fastener line ships in cases of a million washers.
var pallets = new[]
{
    new Pallet { Location = "A-01-3", Sku = "BOLT-M6", Cases = 480, UnitsPerCase = 500, GramsPerCase = 2_600 },
    new Pallet { Location = "D-14-1", Sku = "WASHER-M4", Cases = 1_200, UnitsPerCase = 1_000_000, GramsPerCase = 900_000 },
    new Pallet { Location = "D-14-2", Sku = "WASHER-M4", Cases = 1_150, UnitsPerCase = 1_000_000, GramsPerCase = 900_000 },
};
foreach (var line in StockSummary.BySku(pallets))
{
    Console.WriteLine(line);
}
