using Sentry;
using Parts;
using Parts.Crash;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "workshop-portal@1.15.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// A technician prices the parts for a brake job. One of the three motor factors' price APIs is down (503).
var factors = new (string Name, Dictionary<string, string> Prices, bool Down)[]
{
    ("Euro Car Parts", new() { ["BP-FRT-0986494"] = "41.20", ["BD-FRT-0986479"] = "68.90" }, false),
    ("GSF", new() { ["BP-FRT-0986494"] = "38.75", ["BD-FRT-0986479"] = "71.40" }, true),
    ("Andrew Page", new() { ["BD-FRT-0986479"] = "66.10" }, false),
};
var clients = factors
    .Select(f => (ISupplierClient)new HttpSupplierClient(new HttpClient(new StubFactorApi(f.Prices, f.Down)) { BaseAddress = new Uri($"https://api.{f.Name.Replace(" ", "").ToLowerInvariant()}.example/v2/") }, f.Name))
    .ToList();
foreach (var best in await new PriceComparison(clients).BasketAsync(["BP-FRT-0986494", "BD-FRT-0986479"]))
{
    Console.WriteLine($"{best.PartNumber}: {best.Supplier ?? "not stocked"} {best.Price}");
}
