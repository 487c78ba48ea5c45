using Gym.Memberships;

public class MonthEndBehaviour
{
    private static Membership Monthly(DateOnly started) => new("M-9", BillingPlan.Monthly, started, 45m);

    [Theory]
    [InlineData(2025, 1, 31, 2025, 2, 28)]
    [InlineData(2024, 1, 31, 2024, 2, 29)]
    [InlineData(2025, 3, 31, 2025, 4, 30)]
    [InlineData(2025, 8, 31, 2025, 9, 30)]
    [InlineData(2025, 12, 31, 2026, 1, 31)]
    [InlineData(2025, 5, 30, 2025, 6, 30)]
    public void NextBillingDate_ShorterNextMonth_IsItsLastDay(int y, int m, int d, int ey, int em, int ed)
    {
        var last = new DateOnly(y, m, d);
        Assert.Equal(new DateOnly(ey, em, ed), new BillingCalendar().NextBillingDate(Monthly(last), last));
    }

    [Fact]
    public void ChargesBetween_JoinedOn31January_FollowsTheDocumentedDates()
    {
        var charges = new BillingCalendar().ChargesBetween(Monthly(new DateOnly(2025, 1, 31)), new DateOnly(2025, 1, 1), new DateOnly(2025, 5, 31));

        Assert.Equal(
            [new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 28), new DateOnly(2025, 4, 28), new DateOnly(2025, 5, 28)],
            charges.Select(c => c.On));
    }
}
