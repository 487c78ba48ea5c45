using Heal.Core.Model;
using Heal.Validation.Dotnet;

namespace Heal.Validation.Tests;

public sealed class ReproductionGateTests
{
    private const string Class = "Shop.Tests.PriceCalculatorDiscountedRegressionTests";
    private const string Other = "Shop.Tests.PriceCalculatorTests";

    [Theory]
    [InlineData("Failed System.NullReferenceException : Object reference not set", null)]
    [InlineData("Passed", "passes without the fix: it does not reproduce the crash")]
    [InlineData("Failed System.ArgumentException : bad", "fails without the fix, but not with the crash's NullReferenceException: System.ArgumentException : bad")]
    [InlineData("NotExecuted", "gave no test results without the fix")]
    [InlineData("", "gave no test results without the fix")]
    public void WithoutFix_Outcome_ReproducesOrSkipsSayingWhy(string outcome, string? skipDetail)
    {
        var gate = ReproductionGate.WithoutFix("PriceCalculatorDiscountedRegressionTests", "NullReferenceException", Report(outcome), GateResult.Pass("tests", ""));

        Assert.Equal(skipDetail, gate?.Detail.Replace("PriceCalculatorDiscountedRegressionTests ", "", StringComparison.Ordinal));
        Assert.True(gate is null || gate.Status == GateStatus.Skipped);
    }

    [Fact]
    public void WithoutFix_TestDoesNotBuild_SkipsSayingSo()
    {
        var gate = ReproductionGate.WithoutFix("X", "NullReferenceException", null, GateResult.Fail("build", "tests/Shop.Tests/Shop.Tests.csproj: 1 error(s); first: X.cs(3,1): error CS0246"));

        Assert.Equal(GateStatus.Skipped, gate!.Status);
        Assert.Equal("X does not build without the fix: tests/Shop.Tests/Shop.Tests.csproj: 1 error(s); first: X.cs(3,1): error CS0246", gate.Detail);
    }

    [Theory]
    [InlineData("Passed", GateStatus.Passed, "fails without the fix and passes with it (without it, it throws the crash's NullReferenceException)")]
    [InlineData("Failed System.NullReferenceException : still", GateStatus.Failed, "fails with the fix: System.NullReferenceException : still")]
    [InlineData("", GateStatus.Skipped, "gave no test results with the fix")]
    [InlineData("NotExecuted", GateStatus.Skipped, "gave no test results with the fix")]
    public void WithFix_Outcome_DecidesTheGate(string outcome, GateStatus status, string detail)
    {
        var gate = ReproductionGate.WithFix("PriceCalculatorDiscountedRegressionTests", "NullReferenceException", Report(outcome));

        Assert.Equal(status, gate.Status);
        Assert.Equal("PriceCalculatorDiscountedRegressionTests " + detail, gate.Detail);
    }

    /// <summary>The regression test's outcome ("" for none) among another class's passing and failing tests.</summary>
    private static TrxReport Report(string outcome)
    {
        var results = new List<TestOutcome>
        {
            new(Other, Other + ".Passes", "Passed", "", ""),
            new(Other, Other + ".Fails", "Failed", "System.NullReferenceException : elsewhere", ""),
        };
        if (outcome.Length > 0)
        {
            var word = outcome.Split(' ')[0];
            results.Add(new(Class, Class + ".Discounted_NullDiscount_DoesNotThrow", word, outcome[word.Length..].Trim(), ""));
        }

        return new TrxReport([.. results]);
    }
}
