using Sentry;
using Planning;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "roadmap-service@2.9.7";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Release-planning dashboard. The payments team was formed this month and is in its first sprint.
var sprints = new List<Sprint>
{
    new() { Team = "checkout", Number = 41, Ends = new DateOnly(2026, 8, 7), CommittedPoints = 34, CompletedPoints = 31, Closed = true },
    new() { Team = "checkout", Number = 42, Ends = new DateOnly(2026, 8, 21), CommittedPoints = 32, CompletedPoints = 32, Closed = true },
    new() { Team = "checkout", Number = 43, Ends = new DateOnly(2026, 9, 4), CommittedPoints = 35, CompletedPoints = 27, Closed = true },
    new() { Team = "search", Number = 17, Ends = new DateOnly(2026, 8, 28), CommittedPoints = 20, CompletedPoints = 18, Closed = true },
    new() { Team = "payments", Number = 1, Ends = new DateOnly(2026, 9, 18), CommittedPoints = 15, CompletedPoints = 4, Closed = false },
};
var backlog = new Dictionary<string, int> { ["checkout"] = 120, ["search"] = 45, ["payments"] = 80 };
foreach (var f in ReleaseForecast.For(sprints, backlog))
{
    Console.WriteLine($"{f.Team}: velocity {f.Velocity}, {(f.SprintsToClear?.ToString() ?? "?")} sprints");
}
