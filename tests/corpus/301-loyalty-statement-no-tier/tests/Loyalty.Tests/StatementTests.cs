using Loyalty;

namespace Loyalty.Tests;

public class StatementTests
{
    private static readonly Member Gold = new() { Number = "L-1", DisplayName = "Ada", Tier = new Tier("Gold", 2m), JoinedOn = new DateOnly(2020, 1, 1) };

    [Fact]
    public void PointsFor_GoldMember_DoublesWholePounds() =>
        Assert.Equal(38, PointsCalculator.PointsFor(Gold, new Purchase("L-1", new DateOnly(2026, 5, 2), 19.99m, "Leeds")));

    [Fact]
    public void PointsFor_Refund_EarnsNothing() =>
        Assert.Equal(0, PointsCalculator.PointsFor(Gold, new Purchase("L-1", new DateOnly(2026, 5, 2), -5m, "Leeds")));

    [Fact]
    public void Build_KeepsOnlyTheMonth()
    {
        var purchases = new[]
        {
            new Purchase("L-1", new DateOnly(2026, 5, 2), 10m, "Leeds"),
            new Purchase("L-1", new DateOnly(2026, 6, 1), 10m, "Leeds"),
        };
        var statement = new StatementBuilder([Gold]).Build("L-1", purchases, 2026, 5);
        Assert.Single(statement.Lines);
        Assert.Equal("Ada (Gold) - 2026-05", statement.Heading);
        Assert.Equal(20, statement.TotalPoints);
    }
}
