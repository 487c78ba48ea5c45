namespace Loyalty;

public sealed record Tier(string Name, decimal Multiplier);

public sealed class Member
{
    public required string Number { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>
    /// The member's status tier. Null for members who have never qualified for a tier;
    /// they earn points at the base rate (multiplier 1).
    /// </summary>
    public Tier? Tier { get; init; }

    public DateOnly JoinedOn { get; init; }
}

public sealed record Purchase(string MemberNumber, DateOnly Date, decimal Amount, string Store);
