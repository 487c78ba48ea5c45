using Timing;

namespace Timing.Behaviour.Tests;

public class NoValidLapBehaviour
{
    private static Driver Make(string kart, params (double Seconds, bool Cut)[] laps)
    {
        var d = new Driver(kart, "Driver " + kart);
        for (var i = 0; i < laps.Length; i++)
            d.Laps.Add(new Lap(i + 1, TimeSpan.FromSeconds(laps[i].Seconds), laps[i].Cut));
        return d;
    }

    [Fact]
    public void BestLap_AllLapsCut_IsNull() => Assert.Null(LapStatistics.BestLap(Make("5", (39.0, true), (39.4, true))));

    [Fact]
    public void BestLap_NoLaps_IsNull() => Assert.Null(LapStatistics.BestLap(Make("6")));

    [Fact]
    public void Qualifying_DriverWithoutValidLap_StartsFromTheBack()
    {
        var standings = Leaderboard.Qualifying([Make("5", (39.0, true), (39.4, true)), Make("9", (44.0, false)), Make("2", (42.5, false), (41.0, true))]);
        Assert.Equal(["2", "9", "5"], standings.Select(s => s.KartNumber));
        Assert.Equal("no time", standings[2].BestLapText);
        Assert.Equal(2, standings[2].Cuts);
        Assert.Equal(3, standings[2].Position);
    }
}
