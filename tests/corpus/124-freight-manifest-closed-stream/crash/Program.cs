using Sentry;
using Freight.Dispatch;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "dispatch-service@7.0.3";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// 17:30 collection: build the manifest for today's DPX consignments from the Leeds depot.
var consignments = new List<Consignment>
{
    new("SO-88120", "LS1 4AP", 2, 12.40m, "NEXTDAY"),
    new("SO-88125", "YO10 5DD", 1, 3.10m, "ECON"),
    new("SO-88131", "HG1 2RN", 4, 28.75m, "NEXTDAY"),
};
var manifest = new ManifestBuilder().Build("DPX", "ACC-5521", "LEEDS-2", new DateOnly(2025, 10, 14), consignments);
Console.WriteLine($"manifest: {manifest.Length} bytes");
