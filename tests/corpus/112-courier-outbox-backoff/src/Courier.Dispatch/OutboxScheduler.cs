using Courier.Resilience;

namespace Courier.Dispatch;

/// <summary>Decides when each outbox message is tried again after a failed send.</summary>
public sealed class OutboxScheduler
{
    private readonly ExponentialBackoff _backoff;

    public OutboxScheduler(ExponentialBackoff backoff)
    {
        _backoff = backoff;
    }

    public void RecordFailure(OutboxMessage message, string error, DateTimeOffset now)
    {
        message.Attempts++;
        message.LastError = error;
        message.NextAttemptAt = now + _backoff.DelayFor(message.Attempts);
    }

    public IEnumerable<OutboxMessage> Due(IEnumerable<OutboxMessage> outbox, DateTimeOffset now) =>
        outbox.Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt);
}
