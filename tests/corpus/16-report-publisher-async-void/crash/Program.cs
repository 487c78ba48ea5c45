using Sentry;
using Publishing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "report-publisher@2.0.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The publisher service's morning run: render and publish every scheduled report in one batch.
var templates = Directory.CreateTempSubdirectory("templates-").FullName;
File.WriteAllText(Path.Combine(templates, "report.txt"), "Scheduled report {id}\n");
var publisher = new ReportPublisher(new TemplateRenderer(templates));
await publisher.PublishAllAsync(["sales-daily", "stock-daily", "returns-weekly"]);
Console.WriteLine($"published {publisher.Published.Count} reports");
// The service keeps running (it waits for the next schedule); the failed render surfaces meanwhile.
await new TaskCompletionSource().Task.WaitAsync(TimeSpan.FromSeconds(30));
