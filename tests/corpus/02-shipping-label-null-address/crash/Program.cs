using Sentry;
using Shipping;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "shipping-worker@1.12.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The warehouse print run: labels for today's picked orders. SO-1043 ships to the billing address.
var orders = new[]
{
    new Order { Number = "SO-1042", CustomerName = "Ann Lee", BillingAddress = new Address("1 High Street", "Leeds", "LS1 4AB", "GB"), ShippingAddress = new Address("4 Mill Lane", "York", "YO1 7HH", "GB"), WeightKg = 2.4m },
    new Order { Number = "SO-1043", CustomerName = "Raj Patel", BillingAddress = new Address("77 Queen Street", "Glasgow", "G1 3DN", "GB"), WeightKg = 0.8m },
};
foreach (var label in new LabelService("GB").BuildLabels(orders))
{
    Console.WriteLine(label);
}
