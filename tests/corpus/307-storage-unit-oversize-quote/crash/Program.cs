using Sentry;
using Storage;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "storage-web@5.3.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Online quote form: a customer moving abroad wants to store a three-bedroom house for six months.
var service = new QuoteService(UnitCatalogue.Standard);
var requests = new[]
{
    new Dictionary<string, int> { ["box"] = 12, ["chair"] = 2 },
    new Dictionary<string, int> { ["sofa"] = 2, ["bed"] = 3, ["wardrobe"] = 2, ["fridge"] = 1, ["table"] = 1, ["chair"] = 6, ["box"] = 40 },
};
foreach (var items in requests)
{
    var quote = service.QuoteFor(items, 26);
    Console.WriteLine(quote.NeedsSurvey ? "survey needed" : $"{quote.UnitCode}: £{quote.Total}");
}
