namespace Helpdesk;

/// <summary>Service-level targets per ticket priority, as agreed in the support contract.</summary>
public sealed class SlaPolicy
{
    public static readonly TimeSpan DefaultFirstResponse = TimeSpan.FromHours(8);
    public static readonly TimeSpan DefaultResolution = TimeSpan.FromDays(5);

    private readonly Dictionary<string, TimeSpan> _firstResponse = new(StringComparer.OrdinalIgnoreCase)
    {
        ["P1"] = TimeSpan.FromMinutes(30),
        ["P2"] = TimeSpan.FromHours(2),
        ["P3"] = TimeSpan.FromHours(4),
    };

    private readonly Dictionary<string, TimeSpan> _resolution = new(StringComparer.OrdinalIgnoreCase)
    {
        ["P1"] = TimeSpan.FromHours(4),
        ["P2"] = TimeSpan.FromDays(1),
        ["P3"] = TimeSpan.FromDays(3),
    };

    public TimeSpan FirstResponseTarget(string priority) =>
        _firstResponse.TryGetValue(priority, out var target) ? target : DefaultFirstResponse;

    public TimeSpan ResolutionTarget(string priority) => _resolution[priority];

    public DateTimeOffset FirstResponseDue(Ticket ticket) => ticket.OpenedAt + FirstResponseTarget(ticket.Priority);

    public DateTimeOffset ResolutionDue(Ticket ticket) => ticket.OpenedAt + ResolutionTarget(ticket.Priority);

    public bool FirstResponseBreached(Ticket ticket, DateTimeOffset now) =>
        (ticket.FirstRepliedAt ?? now) > FirstResponseDue(ticket);

    public bool ResolutionBreached(Ticket ticket, DateTimeOffset now) =>
        (ticket.ResolvedAt ?? now) > ResolutionDue(ticket);
}
