namespace Gym.Memberships;

public enum BillingPlan
{
    Monthly,
    Annual,
}

public sealed record Membership(string MemberId, BillingPlan Plan, DateOnly StartedOn, decimal Fee, DateOnly? FrozenUntil = null);

public sealed record Charge(string MemberId, DateOnly On, decimal Amount);
