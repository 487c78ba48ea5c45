using Sentry;
using Settings;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "notifier@2.2.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The notifier service starts and logs its mailer configuration from appsettings.mailer.json.
var json = """
{
  "Host": "smtp.mailrelay.example.net",
  "Port": 587,
  "UseTls": true,
  "MaxRetries": 5,
  "RetryDelaySeconds": 15
}
""";
var settings = new MailerSettings(SettingsLoader.FromJson(json));
Console.WriteLine($"mailer: {settings.Describe()}");
