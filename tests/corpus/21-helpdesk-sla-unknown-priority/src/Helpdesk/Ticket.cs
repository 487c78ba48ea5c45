namespace Helpdesk;

public sealed record Ticket(
    string Id,
    string Subject,
    string Priority,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstRepliedAt = null,
    DateTimeOffset? ResolvedAt = null)
{
    public bool IsOpen => ResolvedAt is null;
}
