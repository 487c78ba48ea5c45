using Loyalty;

namespace Loyalty.Behaviour.Tests;

public class NoTierBehaviour
{
    private static readonly Member Basic = new() { Number = "L-9", DisplayName = "Bo", Tier = null, JoinedOn = new DateOnly(2026, 1, 1) };
    private static readonly Member Silver = new() { Number = "L-5", DisplayName = "Cy", Tier = new Tier("Silver", 1.5m), JoinedOn = new DateOnly(2022, 1, 1) };

    [Fact]
    public void PointsFor_MemberWithoutTier_EarnsBaseRate() =>
        Assert.Equal(19, PointsCalculator.PointsFor(Basic, new Purchase("L-9", new DateOnly(2026, 5, 2), 19.99m, "York")));

    [Fact]
    public void PointsFor_TieredMember_Unchanged() =>
        Assert.Equal(15, PointsCalculator.PointsFor(Silver, new Purchase("L-5", new DateOnly(2026, 5, 2), 10.50m, "York")));

    [Fact]
    public void Build_MemberWithoutTier_ListsEveryPurchaseWithPoints()
    {
        var purchases = new[]
        {
            new Purchase("L-9", new DateOnly(2026, 5, 2), 12.40m, "York"),
            new Purchase("L-9", new DateOnly(2026, 5, 9), 7.00m, "Hull"),
        };
        var statement = new StatementBuilder([Basic]).Build("L-9", purchases, 2026, 5);
        Assert.Equal(2, statement.Lines.Count);
        Assert.Equal(19, statement.TotalPoints);
        Assert.Equal("Bo (Member) - 2026-05", statement.Heading);
    }
}
