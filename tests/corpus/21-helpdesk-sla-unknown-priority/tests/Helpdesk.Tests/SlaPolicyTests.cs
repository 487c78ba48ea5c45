using Helpdesk;

namespace Helpdesk.Tests;

public class SlaPolicyTests
{
    private static readonly DateTimeOffset Opened = new(2026, 4, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FirstResponseDue_P1_IsHalfAnHour() =>
        Assert.Equal(Opened.AddMinutes(30), new SlaPolicy().FirstResponseDue(new Ticket("T-1", "Down", "P1", Opened)));

    [Fact]
    public void FirstResponseDue_UnlistedPriority_UsesDefault() =>
        Assert.Equal(Opened.AddHours(8), new SlaPolicy().FirstResponseDue(new Ticket("T-2", "Question", "P5", Opened)));

    [Fact]
    public void ResolutionDue_IsCaseInsensitive() =>
        Assert.Equal(Opened.AddDays(1), new SlaPolicy().ResolutionDue(new Ticket("T-3", "Slow", "p2", Opened)));

    [Fact]
    public void Board_ListsBreachesFirst()
    {
        var tickets = new[]
        {
            new Ticket("T-4", "Invoice", "P3", Opened),
            new Ticket("T-5", "Outage", "P1", Opened),
            new Ticket("T-6", "Closed", "P1", Opened, Opened.AddMinutes(5), Opened.AddHours(1)),
        };

        var rows = new SlaBoard(new SlaPolicy()).Rows(tickets, Opened.AddHours(3));

        Assert.Equal(["T-5", "T-4"], rows.Select(r => r.TicketId));
        Assert.True(rows[0].Breached);
        Assert.False(rows[1].Breached);
    }
}
