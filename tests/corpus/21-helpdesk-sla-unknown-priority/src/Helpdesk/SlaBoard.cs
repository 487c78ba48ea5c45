namespace Helpdesk;

public sealed record SlaRow(string TicketId, string Priority, DateTimeOffset ReplyBy, DateTimeOffset ResolveBy, bool Breached);

/// <summary>The wallboard the support team watches: every open ticket with its deadlines, breaches first.</summary>
public sealed class SlaBoard
{
    private readonly SlaPolicy _policy;

    public SlaBoard(SlaPolicy policy) => _policy = policy;

    public IReadOnlyList<SlaRow> Rows(IEnumerable<Ticket> tickets, DateTimeOffset now) =>
        tickets
            .Where(t => t.IsOpen)
            .Select(t => new SlaRow(
                t.Id,
                t.Priority,
                _policy.FirstResponseDue(t),
                _policy.ResolutionDue(t),
                _policy.FirstResponseBreached(t, now) || _policy.ResolutionBreached(t, now)))
            .OrderByDescending(r => r.Breached)
            .ThenBy(r => r.ResolveBy)
            .ToList();

    public int BreachCount(IEnumerable<Ticket> tickets, DateTimeOffset now) => Rows(tickets, now).Count(r => r.Breached);
}
