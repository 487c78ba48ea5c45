using Sentry;
using Attachments;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "helpdesk-web@2.18.4";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// A support ticket upload: the customer attaches their invoice and a log file saved without an extension.
var policy = new AttachmentPolicy(5 * 1024 * 1024);
foreach (var (name, size) in new[] { ("invoice 2291.pdf", 48_211L), ("install_log", 9_830L) })
{
    var decision = policy.Check(name, size);
    Console.WriteLine(decision.Accepted ? $"stored as {decision.StoredName}" : $"rejected: {decision.Reason}");
}
