namespace Lending;

public sealed class LateFees
{
    public const decimal DailyFee = 0.25m;

    /// <summary>Days of grace the member gets after the due date.</summary>
    public int GraceDays(Member member)
    {
        if (member.Plan == null)
        {
            return 0;
        }

        return member.Plan.GraceDays;
    }

    /// <summary>The late fee for a loan returned on <paramref name="returned"/>.</summary>
    public decimal For(Loan loan, DateOnly returned)
    {
        var grace = loan.Member.Plan.GraceDays;
        var daysLate = returned.DayNumber - loan.Due.DayNumber - grace;
        return daysLate > 0 ? daysLate * DailyFee : 0m;
    }
}
