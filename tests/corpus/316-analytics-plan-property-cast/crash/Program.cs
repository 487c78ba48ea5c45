using Sentry;
using Analytics;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "insights-api@0.18.3";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Growth team's daily conversion report over yesterday's event batch from the collector.
const string batch = """
[
 {"name":"page_view","anonymousId":"a-91f2","timestamp":"2026-11-03T08:14:02Z","properties":{"path":"/pricing"}},
 {"name":"signup_completed","anonymousId":"a-91f2","timestamp":"2026-11-03T08:16:40Z","properties":{"plan":"Team","amount":49.00,"seats":5}},
 {"name":"signup_completed","anonymousId":"a-0c7d","timestamp":"2026-11-03T09:02:11Z","properties":{"plan":"starter","amount":9.00}},
 {"name":"signup_completed","anonymousId":"a-33e1","timestamp":"2026-11-03T11:47:55Z","properties":{"amount":0}}
]
""";
foreach (var row in ConversionReport.ByPlan(TrackedEvent.ParseBatch(batch)))
{
    Console.WriteLine($"{row.Plan}: {row.Signups} signups, ${row.Revenue}");
}
