using Sentry;
using Webhooks;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "webhooks-dispatcher@2.7.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The billing service publishes "invoice.issued". A customer registered a new webhook a minute ago
// and has not clicked the verification link yet.
var dispatcher = new Dispatcher(new ConsoleTransport());
dispatcher.Add(new Subscriber { Id = "wh_19af", Secret = "f3c1a9", Endpoint = new Uri("https://erp.acme-tools.co.uk/hooks/billing"), Topics = new(["invoice.issued", "invoice.paid"], StringComparer.OrdinalIgnoreCase) });
dispatcher.Add(new Subscriber { Id = "wh_2c07", Secret = "90be44", Topics = new(["invoice.issued"], StringComparer.OrdinalIgnoreCase) });
dispatcher.Add(new Subscriber { Id = "wh_31d2", Secret = "5d2e8f", Endpoint = new Uri("https://hooks.zapier.example/catch/118/abc"), Topics = new(["invoice.issued"], StringComparer.OrdinalIgnoreCase) });
var report = await dispatcher.PublishAsync("invoice.issued", """{"invoice":"INV-2026-11874","total":"1249.00","currency":"GBP"}""");
Console.WriteLine($"delivered {report.Delivered}, failed {report.FailedSubscriberIds.Count}");

sealed class ConsoleTransport : IWebhookTransport
{
    public async Task<bool> PostAsync(string url, string body, string signature, CancellationToken cancellationToken)
    {
        await Task.Delay(20, cancellationToken);
        Console.WriteLine($"POST {url} sig={signature[..8]}");
        return true;
    }
}
