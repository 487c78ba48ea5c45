using Sentry;
using Payments;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "payments-webhooks@4.6.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The provider delivers two webhooks; the second is an Apple Pay payment that shared no e-mail address.
var handler = new PaymentWebhookHandler(new PaymentLedger());
string[] deliveries =
[
    """{"type":"payment.succeeded","data":{"id":"pay_3NfA81","amount_minor":4599,"currency":"gbp","customer":{"email":"ann.lee@example.org"}}}""",
    """{"type":"payment.succeeded","data":{"id":"pay_3NfA9Q","amount_minor":1250,"currency":"gbp","customer":{"email":null,"wallet":"apple_pay"}}}""",
];
foreach (var body in deliveries)
{
    Console.WriteLine(handler.Handle(body) ? "recorded" : "duplicate");
}
