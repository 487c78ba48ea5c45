using Sentry;
using Courier.Dispatch;
using Courier.Resilience;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "courier-dispatch@6.4.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The dispatch worker's loop after a restart. ParcelNet's sandbox account was disabled three weeks ago and one
// booking has been retried every 30 minutes since; the other couriers are healthy.
var now = new DateTimeOffset(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);
var outbox = new List<OutboxMessage>
{
    new() { Id = Guid.NewGuid(), Courier = "swiftpost", Payload = "{\"ref\":\"SO-88120\"}", Attempts = 1, NextAttemptAt = now.AddSeconds(-3) },
    new() { Id = Guid.NewGuid(), Courier = "parcelnet", Payload = "{\"ref\":\"SO-80431\"}", Attempts = 39, NextAttemptAt = now.AddMinutes(-1) },
    new() { Id = Guid.NewGuid(), Courier = "swiftpost", Payload = "{\"ref\":\"SO-88125\"}", Attempts = 0, NextAttemptAt = now },
};
var scheduler = new OutboxScheduler(new ExponentialBackoff(new RetryOptions()));
foreach (var message in scheduler.Due(outbox, now).ToList())
{
    var ok = message.Courier != "parcelnet";
    if (!ok)
    {
        scheduler.RecordFailure(message, "401 Unauthorized: account disabled", now);
        Console.WriteLine($"{message.Id}: retry at {message.NextAttemptAt:O} (attempt {message.Attempts})");
    }
}
