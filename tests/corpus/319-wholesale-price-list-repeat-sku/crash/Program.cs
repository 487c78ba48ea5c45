using Sentry;
using Wholesale;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "buying-tools@1.4.8";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Weekly margin check against the cash-and-carry's price file. This week's file has the supplier's
// June increase on Yorkshire Tea appended below the January row.
const string csv = """
sku,case_price,case_size,effective
YT-160,22.80,5,2026-01-05
HOV-800,9.12,12,2026-01-05
KB-500,14.40,8,2026-03-02
YT-160,24.90,5,2026-06-01
""";
var prices = PriceList.Parse(csv, new DateOnly(2026, 6, 8));
var shelf = new Dictionary<string, decimal> { ["YT-160"] = 5.75m, ["HOV-800"] = 1.45m, ["KB-500"] = 2.50m };
Console.WriteLine("Below floor: " + string.Join(", ", MarginCheck.BelowFloor(prices, shelf, 0.20m)));
