using Lettings;

namespace Lettings.Tests;

public class ScheduleTests
{
    [Fact]
    public void ForMonth_OrdersByDate_AndSkipsTenanciesNotStarted()
    {
        var tenancies = new[]
        {
            new Tenancy("T2", "B", 950m, 15, new DateOnly(2025, 1, 1)),
            new Tenancy("T1", "A", 800m, 1, new DateOnly(2025, 1, 1)),
            new Tenancy("T3", "C", 700m, 10, new DateOnly(2026, 3, 20)),
        };
        var collections = CollectionSchedule.ForMonth(tenancies, 2026, 3);
        Assert.Equal(["T1", "T2"], collections.Select(c => c.TenancyRef));
        Assert.Equal(1750m, CollectionSchedule.Expected(collections));
    }

    [Fact]
    public void Tenancy_DayOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tenancy("T", "X", 1m, 32, new DateOnly(2026, 1, 1)));

    [Fact]
    public void Write_OneLinePerCollection() =>
        Assert.Equal("T1,20260301,80050\n", BacsFile.Write([new Collection("T1", new DateOnly(2026, 3, 1), 800.50m)]));
}
