using Courier.Dispatch;
using Courier.Resilience;

public class OutboxSchedulerTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Message(int attempts = 0) =>
        new() { Id = Guid.NewGuid(), Courier = "parcelnet", Payload = "{}", Attempts = attempts };

    [Fact]
    public void RecordFailure_FirstFailure_WaitsTheBaseDelay()
    {
        var message = Message();
        new OutboxScheduler(new ExponentialBackoff(new RetryOptions(), () => 0)).RecordFailure(message, "503", Now);

        Assert.Equal(1, message.Attempts);
        Assert.Equal(Now.AddSeconds(2), message.NextAttemptAt);
    }

    [Fact]
    public void DelayFor_Doubles_PlusJitter()
    {
        var backoff = new ExponentialBackoff(new RetryOptions { Jitter = 0.5 }, () => 0.5);
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.DelayFor(3));
    }

    [Fact]
    public void DelayFor_LongOutage_IsCapped()
    {
        var backoff = new ExponentialBackoff(new RetryOptions(), () => 0.9);
        Assert.Equal(TimeSpan.FromMinutes(30), backoff.DelayFor(12));
    }
}
