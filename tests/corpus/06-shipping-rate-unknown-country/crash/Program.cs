using Sentry;
using Rates;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "checkout-api@7.3.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Checkout asks for a delivery quote; the basket ships to Iceland, which nobody priced yet.
var rates = new ShippingRates(
    new() { ["GB"] = "UK", ["IE"] = "EU", ["FR"] = "EU", ["DE"] = "EU", ["US"] = "NA" },
    new() { ["GB"] = 3.95m, ["IE"] = 8.50m, ["FR"] = 9.50m, ["DE"] = 9.50m, ["US"] = 18.00m });
var quotes = new QuoteService(rates).QuoteBasket([("GB", 1), ("IS", 2)]);
Console.WriteLine(string.Join(Environment.NewLine, quotes));
