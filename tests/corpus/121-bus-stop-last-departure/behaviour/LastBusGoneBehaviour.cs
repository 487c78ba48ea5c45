using Transit.Data;
using Transit.Display;

public class LastBusGoneBehaviour
{
    private static Timetable Timetable()
    {
        var t = new Timetable();
        t.Add("HX041", new Departure("7", "Town Centre", new TimeOnly(6, 5), true));
        t.Add("HX041", new Departure("7", "Town Centre", new TimeOnly(22, 40), true));
        return t;
    }

    [Fact]
    public void NextDeparture_AfterTheLastBus_IsNull()
    {
        Assert.Null(Timetable().NextDeparture("HX041", new TimeOnly(23, 15)));
    }

    [Fact]
    public void NextDeparture_UnknownStop_IsNull()
    {
        Assert.Null(Timetable().NextDeparture("ZZ999", new TimeOnly(12, 0)));
    }

    [Fact]
    public void Render_AfterTheLastBus_SaysSo()
    {
        Assert.Equal([StopBoard.NoMoreDepartures], new StopBoard(Timetable()).Render("HX041", new TimeOnly(23, 15)));
    }
}
