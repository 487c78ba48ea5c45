using Pharmacy;

namespace Pharmacy.Tests;

public class CheckerTests
{
    private static readonly Formulary Formulary = new([new Drug("AML5", "Amlodipine 5mg", 5m, 10m), new Drug("SER50", "Sertraline 50mg", 50m, 200m)]);

    [Fact]
    public void Check_WithinLimits_Approved() =>
        Assert.Equal(Outcome.Approved, new RepeatChecker(Formulary).Check(new RepeatRequest("1", "aml5", 1, 28)).Outcome);

    [Fact]
    public void Check_OverMaximum_NeedsReview() =>
        Assert.Equal(Outcome.NeedsReview, new RepeatChecker(Formulary).Check(new RepeatRequest("1", "AML5", 3, 28)).Outcome);

    [Fact]
    public void Check_TooLongSupply_Rejected() =>
        Assert.Equal(Outcome.Rejected, new RepeatChecker(Formulary).Check(new RepeatRequest("1", "SER50", 1, 84)).Outcome);
}
