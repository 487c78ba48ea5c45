using Sentry;
using Telemetry.Agent;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "telemetry-agent@1.7.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// A customer's web service with the agent embedded; their collector is being redeployed and refuses connections.
var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/"), Timeout = TimeSpan.FromSeconds(5) };
using var flusher = new MetricFlusher(new HttpMetricSink(http));
flusher.Start(TimeSpan.FromMilliseconds(500));
var started = DateTimeOffset.UtcNow;
for (var i = 0; i < 200; i++)
{
    flusher.Record(new MetricPoint("http.requests", 1, DateTimeOffset.UtcNow, "web-1"));
    flusher.Record(new MetricPoint("http.latency_ms", 20 + i % 35, DateTimeOffset.UtcNow, "web-1"));
    await Task.Delay(50);
}
Console.WriteLine($"served for {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s, {flusher.FailedFlushes} failed flushes, {flusher.Pending} pending");
