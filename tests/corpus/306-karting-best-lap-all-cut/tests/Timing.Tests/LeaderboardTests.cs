using Timing;

namespace Timing.Tests;

public class LeaderboardTests
{
    private static Driver Make(string kart, params (double Seconds, bool Cut)[] laps)
    {
        var d = new Driver(kart, "Driver " + kart);
        for (var i = 0; i < laps.Length; i++)
            d.Laps.Add(new Lap(i + 1, TimeSpan.FromSeconds(laps[i].Seconds), laps[i].Cut));
        return d;
    }

    [Fact]
    public void BestLap_IgnoresCutLaps() =>
        Assert.Equal(TimeSpan.FromSeconds(41.2), LapStatistics.BestLap(Make("7", (40.1, true), (41.2, false), (42.0, false))));

    [Fact]
    public void AverageLap_NoLaps_IsNull() => Assert.Null(LapStatistics.AverageLap(Make("8")));

    [Fact]
    public void Qualifying_FastestFirst()
    {
        var standings = Leaderboard.Qualifying([Make("3", (43.0, false)), Make("11", (41.9, false), (41.5, false))]);
        Assert.Equal(["11", "3"], standings.Select(s => s.KartNumber));
        Assert.Equal("0:41.500", standings[0].BestLapText);
    }
}
