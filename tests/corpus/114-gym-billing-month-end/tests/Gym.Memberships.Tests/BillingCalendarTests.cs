using Gym.Memberships;

public class BillingCalendarTests
{
    [Fact]
    public void NextBillingDate_Monthly_SameDayNextMonth()
    {
        var m = new Membership("M-1", BillingPlan.Monthly, new DateOnly(2025, 3, 14), 39m);
        Assert.Equal(new DateOnly(2025, 4, 14), new BillingCalendar().NextBillingDate(m, new DateOnly(2025, 3, 14)));
    }

    [Fact]
    public void NextBillingDate_December_RollsIntoJanuary()
    {
        var m = new Membership("M-1", BillingPlan.Monthly, new DateOnly(2024, 12, 5), 39m);
        Assert.Equal(new DateOnly(2025, 1, 5), new BillingCalendar().NextBillingDate(m, new DateOnly(2024, 12, 5)));
    }

    [Fact]
    public void NextBillingDate_AnnualFromLeapDay_Is28February()
    {
        var m = new Membership("M-2", BillingPlan.Annual, new DateOnly(2024, 2, 29), 399m);
        Assert.Equal(new DateOnly(2025, 2, 28), new BillingCalendar().NextBillingDate(m, new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void ChargesBetween_SkipsFrozenMonths()
    {
        var m = new Membership("M-3", BillingPlan.Monthly, new DateOnly(2024, 12, 10), 39m, FrozenUntil: new DateOnly(2025, 1, 31));
        var charges = new BillingCalendar().ChargesBetween(m, new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 30));
        Assert.Equal([new DateOnly(2025, 2, 10), new DateOnly(2025, 3, 10), new DateOnly(2025, 4, 10)], charges.Select(c => c.On));
    }
}
