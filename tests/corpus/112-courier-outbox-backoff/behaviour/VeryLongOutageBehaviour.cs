using Courier.Dispatch;
using Courier.Resilience;

public class VeryLongOutageBehaviour
{
    private static readonly DateTimeOffset Now = new(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(40)]
    [InlineData(64)]
    [InlineData(1100)]
    [InlineData(int.MaxValue)]
    public void DelayFor_AnyNumberOfFailures_IsTheMaximumDelay(int attempt)
    {
        var backoff = new ExponentialBackoff(new RetryOptions { MaxDelay = TimeSpan.FromMinutes(20) }, () => 0.7);
        Assert.Equal(TimeSpan.FromMinutes(20), backoff.DelayFor(attempt));
    }

    [Fact]
    public void RecordFailure_AfterWeeksOfFailures_RetriesAtTheMaximumDelay()
    {
        var message = new OutboxMessage { Id = Guid.NewGuid(), Courier = "parcelnet", Payload = "{}", Attempts = 52 };
        new OutboxScheduler(new ExponentialBackoff(new RetryOptions(), () => 0.1)).RecordFailure(message, "503", Now);

        Assert.Equal(53, message.Attempts);
        Assert.Equal(Now.AddMinutes(30), message.NextAttemptAt);
    }

    [Fact]
    public void DelayFor_EarlyAttempts_StillGrow()
    {
        var backoff = new ExponentialBackoff(new RetryOptions(), () => 0);
        Assert.Equal(TimeSpan.FromSeconds(64), backoff.DelayFor(6));
    }
}
