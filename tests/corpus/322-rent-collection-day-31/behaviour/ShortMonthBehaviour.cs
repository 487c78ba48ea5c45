using Lettings;

namespace Lettings.Behaviour.Tests;

public class ShortMonthBehaviour
{
    private static readonly Tenancy Day31 = new("T31", "Z", 1200m, 31, new DateOnly(2025, 6, 1));
    private static readonly Tenancy Day5 = new("T05", "Y", 600m, 5, new DateOnly(2025, 6, 1));

    [Fact]
    public void ForMonth_ShortMonth_LeavesTheCollectionOut() =>
        Assert.Equal(["T05"], CollectionSchedule.ForMonth([Day31, Day5], 2026, 4).Select(c => c.TenancyRef));

    [Fact]
    public void ForMonth_MonthAfterShortMonth_CollectsOnTheFirst()
    {
        var may = CollectionSchedule.ForMonth([Day31, Day5], 2026, 5);
        Assert.Equal(
            [new Collection("T31", new DateOnly(2026, 5, 1), 1200m), new Collection("T05", new DateOnly(2026, 5, 5), 600m), new Collection("T31", new DateOnly(2026, 5, 31), 1200m)],
            may);
    }

    [Fact]
    public void ForMonth_LongMonthAfterLongMonth_Unchanged() =>
        Assert.Equal([new Collection("T31", new DateOnly(2026, 8, 31), 1200m)], CollectionSchedule.ForMonth([Day31], 2026, 8));
}
