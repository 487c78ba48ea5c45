using Sentry;
using Catalog;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "storefront@12.4.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Rendering the category page: the new hoodie has one review waiting for moderation.
var products = new[]
{
    new Product("MUG-BLUE", "Blue mug", [new("Sam", 5, true), new("Kim", 4, true)]),
    new Product("HOOD-GRN", "Green hoodie", [new("Lee", 2, false)]),
};
foreach (var card in ProductCard.RenderAll(products))
{
    Console.WriteLine(card);
}
