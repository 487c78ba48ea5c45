using Sentry;
using Podcasts.Feed;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "podcasts-api@5.0.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// An app scrolling to the end of a show's back catalogue (47 episodes, 20 per page).
var start = new DateTimeOffset(2024, 1, 4, 5, 0, 0, TimeSpan.Zero);
var feed = new EpisodeFeed(Enumerable.Range(1, 47).Select(n => new Episode(n, $"Field Notes #{n}", start.AddDays(7 * n), TimeSpan.FromMinutes(30 + n % 25), n % 9 == 0)));
for (var page = 1; page <= feed.TotalPages; page++)
{
    var p = feed.Page(page);
    Console.WriteLine($"page {p.Page}/{p.TotalPages}: {string.Join(", ", p.Episodes.Select(e => e.Number))}");
}
