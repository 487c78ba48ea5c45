using Sentry;
using Inventory;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "inventory-api@3.0.7";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// A buyer uploads the supplier's stock sheet; the supplier typed "2 boxes" into a quantity cell.
var sheet = """
sku,name,quantity,unitCost
BOLT-M6,Hex bolt M6x30,1200,0.04
WASHER-M6,Washer M6,2 boxes,0.01
NUT-M6,Hex nut M6,900,0.02
""";
var result = new StockLedger().Receive(sheet);
Console.WriteLine(result.HasErrors ? $"{result.Errors.Count} errors" : $"{result.Items.Count} items received");
