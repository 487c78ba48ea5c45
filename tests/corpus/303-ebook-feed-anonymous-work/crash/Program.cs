using Sentry;
using Catalogue;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "catalogue-sync@3.1.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Hourly sync of the publisher feed. The spring list includes an anonymous work, which the feed
// sends without a "contributors" array.
const string feed = """
{"products":[
  {"isbn13":"978-1-78-378459-2","title":"The Salt Path Home","price":16.99,
   "contributors":[{"name":"Raynor Winn","role":"A01"}],"subjects":["BIO023000","TRV009000"]},
  {"isbn13":"978-1-80-206113-7","title":"Sir Gawain and the Green Knight","price":10.99,
   "subjects":["POE005010"]},
  {"isbn13":"978-0-57-136540-3","title":"Small Things Like These","price":8.99,
   "contributors":[{"name":"Claire Keegan","role":"A01"}]}
]}
""";
var importer = new FeedImporter();
var imported = importer.Import(feed);
Console.WriteLine($"Imported {imported} products");
