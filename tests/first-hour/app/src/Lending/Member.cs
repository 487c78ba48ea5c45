namespace Lending;

public sealed class Member
{
    public Member(string id, string name, MembershipPlan? plan)
    {
        Id = id;
        Name = name;
        Plan = plan;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The member's paid plan, or null for members on the free tier.</summary>
    public MembershipPlan? Plan { get; }
}

public sealed class MembershipPlan
{
    public MembershipPlan(string name, int graceDays)
    {
        Name = name;
        GraceDays = graceDays;
    }

    public string Name { get; }

    /// <summary>Days a loan may run past its due date before late fees start.</summary>
    public int GraceDays { get; }
}
