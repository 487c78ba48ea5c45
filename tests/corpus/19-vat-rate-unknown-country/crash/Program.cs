using Sentry;
using Tax;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "invoicing@8.4.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Invoicing the marketplace partner's overnight orders; one order's country came through as a name.
var tax = new InvoiceTax(VatRates.Parse("GB=0.20\nDE=0.19\nFR=0.20\nNL=0.21\nIE=0.23\nJE=0\n"));
var feed = new[]
{
    new MarketplaceOrder { OrderId = "MP-55120", ShipToCountry = "FR", Net = 84.00m },
    new MarketplaceOrder { OrderId = "MP-55121", ShipToCountry = "Deutschland", Net = 129.90m },
};
foreach (var order in feed)
{
    Console.WriteLine($"{order.OrderId}: {tax.Describe(order.Net, order.ShipToCountry)}");
}
