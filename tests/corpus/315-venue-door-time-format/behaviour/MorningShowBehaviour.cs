using Venue;

namespace Venue.Behaviour.Tests;

public class MorningShowBehaviour
{
    [Fact]
    public void Parse_SingleDigitHour() => Assert.Equal(new TimeOnly(9, 30), ShowTimes.Parse("9:30"));

    [Fact]
    public void Parse_PaddedHourStillAccepted() => Assert.Equal(new TimeOnly(19, 5), ShowTimes.Parse("19:05"));

    [Fact]
    public void Parse_RoundTripsFormat() => Assert.Equal(new TimeOnly(7, 5), ShowTimes.Parse(ShowTimes.Format(new TimeOnly(7, 5))));

    [Fact]
    public void Read_MatineeIsListedWithItsTimes()
    {
        var shows = ListingSheet.Read([
            "date,title,doors,curtain,room",
            "2026-05-03,Family Puppets,9:45,10:15,Studio",
            "2026-05-03,Evening Opera,18:30,19:30,Hall",
        ]);
        Assert.Equal(2, shows.Count);
        Assert.Equal("Sun 3 May - doors 9:45, starts 10:15 - Studio", shows[0].TicketLine);
    }
}
