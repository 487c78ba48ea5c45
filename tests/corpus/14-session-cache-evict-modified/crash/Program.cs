using Sentry;
using Caching;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "admin-portal@9.2.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The portal's housekeeping timer fires: evict expired sessions.
var now = DateTimeOffset.UtcNow;
var cache = new SessionCache();
cache.Add(new Session("c2f1e0", "ops-anna", now.AddMinutes(-42)));
cache.Add(new Session("9ab771", "ops-ravi", now.AddMinutes(18)));
cache.Add(new Session("04d3aa", "sup-mei", now.AddMinutes(-3)));
Console.WriteLine($"evicted {cache.EvictExpired(now)} sessions, {cache.Count} live");
