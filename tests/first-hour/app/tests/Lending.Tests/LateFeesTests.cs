using Lending;

namespace Lending.Tests;

public class LateFeesTests
{
    [Fact]
    public void For_PaidPlanPastGrace_ChargesEachDayAfterGrace()
    {
        var member = new Member("m-1", "Ada", new MembershipPlan("reader+", 7));
        var loan = new Loan("L-1", member, new DateOnly(2026, 3, 1));

        Assert.Equal(0.75m, new LateFees().For(loan, new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void GraceDays_FreeTier_IsZero()
    {
        Assert.Equal(0, new LateFees().GraceDays(new Member("m-2", "Ben", null)));
    }
}
