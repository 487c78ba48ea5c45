using Sentry;
using Ordering;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "ordering-migrator@0.9.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Migrating the old shop's order export into the new ledger: total every order before posting it.
var export = """
[
  { "number": "W-20931", "currency": "GBP", "shippingFee": 3.95, "lines": [ { "sku": "MUG-BLUE", "quantity": 2, "unitPrice": 7.5 } ] },
  { "number": "W-18877", "currency": "GBP", "shippingFee": 4.95 },
  { "number": "W-20932", "currency": "GBP", "shippingFee": 0, "discountCode": "WELCOME10", "lines": [ { "sku": "TEE-M", "quantity": 1, "unitPrice": 18 } ] }
]
""";
foreach (var (number, total) in OrderImport.TotalsByNumber(OrderImport.Parse(export)))
{
    Console.WriteLine($"{number}: {total}");
}
