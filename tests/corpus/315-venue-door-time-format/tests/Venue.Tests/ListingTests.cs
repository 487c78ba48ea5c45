using Venue;

namespace Venue.Tests;

public class ListingTests
{
    [Fact]
    public void Format_MorningTime_HasNoLeadingZero() => Assert.Equal("9:30", ShowTimes.Format(new TimeOnly(9, 30)));

    [Fact]
    public void Parse_EveningTime() => Assert.Equal(new TimeOnly(19, 45), ShowTimes.Parse(" 19:45"));

    [Fact]
    public void Read_SortsByDateAndCurtain()
    {
        var shows = ListingSheet.Read([
            "date,title,doors,curtain,room",
            "2026-05-02,Late Jazz,22:00,22:30,Cellar",
            "2026-05-02,String Quartet,18:30,19:30,Hall",
            "2026-05-01,Comedy Night,19:00,20:00,Cellar",
        ]);
        Assert.Equal(["Comedy Night", "String Quartet", "Late Jazz"], shows.Select(s => s.Title));
        Assert.Equal("Sat 2 May - doors 18:30, starts 19:30 - Hall", shows[1].TicketLine);
    }

    [Fact]
    public void Read_DoorsAfterCurtain_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => ListingSheet.Read(["h", "2026-05-01,Oops,21:00,20:00,Hall"]));
}
