using Helpdesk;

namespace Helpdesk.Behaviour.Tests;

// Tickets whose priority has no contracted resolution target get the default resolution target (5 days),
// exactly as an unlisted priority gets the default first-response target (8 hours) - not the first-response one.
public class UnlistedPriorityBehaviour
{
    private static readonly DateTimeOffset Opened = new(2026, 4, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ResolutionTarget_UnlistedPriority_IsDefaultResolution() =>
        Assert.Equal(TimeSpan.FromDays(5), new SlaPolicy().ResolutionTarget("Normal"));

    [Fact]
    public void ResolutionTarget_ListedPriority_Unchanged() =>
        Assert.Equal(TimeSpan.FromHours(4), new SlaPolicy().ResolutionTarget("p1"));

    [Fact]
    public void Board_EmailTicketWithUnlistedPriority_IsListedWithDefaultDeadlines()
    {
        var tickets = new[]
        {
            new Ticket("T-10", "Via e-mail", "Normal", Opened, FirstRepliedAt: Opened.AddHours(1)),
            new Ticket("T-11", "Outage", "P1", Opened),
        };

        var rows = new SlaBoard(new SlaPolicy()).Rows(tickets, Opened.AddDays(1));

        Assert.Equal(2, rows.Count);
        var email = Assert.Single(rows, r => r.TicketId == "T-10");
        Assert.Equal(Opened.AddHours(8), email.ReplyBy);
        Assert.Equal(Opened.AddDays(5), email.ResolveBy);
        Assert.False(email.Breached);
        Assert.True(Assert.Single(rows, r => r.TicketId == "T-11").Breached);
    }
}
