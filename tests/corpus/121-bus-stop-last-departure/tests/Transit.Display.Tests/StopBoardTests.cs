using Transit.Data;
using Transit.Display;

public class StopBoardTests
{
    private static Timetable Timetable()
    {
        var t = new Timetable();
        t.Add("HX041", new Departure("7", "Town Centre", new TimeOnly(22, 10), true));
        t.Add("HX041", new Departure("7", "Town Centre", new TimeOnly(22, 40), false));
        t.Add("HX041", new Departure("12", "Hospital", new TimeOnly(22, 25), true));
        return t;
    }

    [Fact]
    public void Render_ShowsNextAndFollowing()
    {
        Assert.Equal(
        [
            "7    Town Centre        8 min",
            "12   Hospital           22:25",
            "7    Town Centre        22:40 *",
        ], new StopBoard(Timetable()).Render("HX041", new TimeOnly(22, 2)));
    }

    [Fact]
    public void NextDeparture_IsStrictlyAfter()
    {
        Assert.Equal(new TimeOnly(22, 25), Timetable().NextDeparture("HX041", new TimeOnly(22, 10))!.Time);
    }
}
