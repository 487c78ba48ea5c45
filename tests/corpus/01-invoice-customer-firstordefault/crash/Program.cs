using Sentry;
using Billing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "billing@3.4.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The nightly dunning job: e-mail a reminder for every overdue invoice. Customer 7 was deleted last week.
var service = new InvoiceService(new[]
{
    new Customer { Id = 1, Name = "Acme Ltd", BillingEmail = "accounts@acme.example", VatNumber = "GB123456789" },
    new Customer { Id = 3, Name = "Jane Doe", BillingEmail = "jane@example.org" },
});
foreach (var customerId in new[] { 1, 3, 7 })
{
    Console.WriteLine($"reminder -> {service.GetBillingEmail(customerId)}");
}
