namespace Courier.Dispatch;

/// <summary>A booking request waiting to be sent to a courier's API. Persisted; survives restarts.</summary>
public sealed class OutboxMessage
{
    public required Guid Id { get; init; }

    public required string Courier { get; init; }

    public required string Payload { get; init; }

    /// <summary>Failed sends so far.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
