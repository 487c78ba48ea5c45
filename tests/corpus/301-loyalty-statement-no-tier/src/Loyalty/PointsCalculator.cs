namespace Loyalty;

public static class PointsCalculator
{
    /// <summary>One point per whole pound spent, before the tier multiplier.</summary>
    public const decimal PointsPerPound = 1m;

    public static int PointsFor(Member member, Purchase purchase)
    {
        if (purchase.Amount <= 0)
            return 0;

        var basePoints = Math.Floor(purchase.Amount) * PointsPerPound;
        return (int)Math.Floor(basePoints * member.Tier.Multiplier);
    }

    public static string TierLabel(Member member) => member.Tier?.Name ?? "Member";
}
