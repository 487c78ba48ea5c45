using Pharmacy;

namespace Pharmacy.Behaviour.Tests;

public class DiscontinuedDrugBehaviour
{
    private static readonly Formulary Formulary = new([new Drug("AML5", "Amlodipine 5mg", 5m, 10m)]);

    [Fact]
    public void Check_DrugNotInFormulary_IsRejectedNamingTheCode()
    {
        var decision = new RepeatChecker(Formulary).Check(new RepeatRequest("485 777 3456", "RAN150", 2, 28));
        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("RAN150", decision.Reason);
    }

    [Fact]
    public void CheckBatch_OtherRequestsStillChecked()
    {
        var decisions = new RepeatChecker(Formulary).CheckBatch([new("1", "RAN150", 2, 28), new("2", "AML5", 1, 28)]);
        Assert.Equal([Outcome.Rejected, Outcome.Approved], decisions.Select(d => d.Outcome));
    }
}
