using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Heal.Repair.Engine;
using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Engine;

/// <summary>
/// Confidence means something: only an outcome the team stated in words (documentation, a visible test) and the regression
/// test asserts may reach the auto-merge range; conventions borrowed from code and "does not throw" tests stay below 0.8.
/// </summary>
public sealed class ConfidenceCalibrationTests
{
    private static readonly ExpectedOutcome Zero = ExpectedOutcome.Returns("0");

    private static IntentSignal Says(IntentKind kind, ExpectedOutcome outcome, IntentStance stance = IntentStance.Names) =>
        new(kind, stance, outcome, 0.3, "src/App/Meter.cs", 7, "evidence");

    [Theory]
    [InlineData(IntentKind.Documentation)]
    [InlineData(IntentKind.Producer)]
    [InlineData(IntentKind.VisibleTest)]
    public void CapFor_StatedAndAsserted_DoesNotCap(IntentKind kind) =>
        Assert.Null(ConfidenceCalibration.CapFor([Says(kind, Zero)], Zero, null, asserted: true));

    [Theory]
    [InlineData(IntentKind.OwnExit)]
    [InlineData(IntentKind.Sibling)]
    [InlineData(IntentKind.Caller)]
    [InlineData(IntentKind.NullableAnnotation)]
    [InlineData(IntentKind.NamedConstant)]
    public void CapFor_OnlyCodeConventionsNameTheOutcome_CapsBelowEight(IntentKind kind) =>
        Assert.Equal(ConfidenceCalibration.ConventionCap, ConfidenceCalibration.CapFor([Says(kind, Zero)], Zero, null, asserted: true)?.Cap);

    [Fact]
    public void CapFor_DocumentationNamesAnotherOutcome_CapsLikeAConvention() =>
        Assert.Equal(ConfidenceCalibration.ConventionCap,
            ConfidenceCalibration.CapFor([Says(IntentKind.Documentation, ExpectedOutcome.Returns("null"))], Zero, null, asserted: true)?.Cap);

    [Fact]
    public void CapFor_DocumentationForbidsTheOutcome_DoesNotCountAsAStatement() =>
        Assert.Equal(ConfidenceCalibration.ConventionCap,
            ConfidenceCalibration.CapFor([Says(IntentKind.Documentation, Zero, IntentStance.Forbids)], Zero, null, asserted: true)?.Cap);

    [Fact]
    public void CapFor_StatedButTestOnlyChecksNoThrow_CapsLowest() =>
        Assert.Equal(ConfidenceCalibration.UnassertedCap,
            ConfidenceCalibration.CapFor([Says(IntentKind.Documentation, Zero)], Zero, null, asserted: false)?.Cap);

    [Fact]
    public void CapFor_StatementNamesTheSecondOutcomeTheFixRealises_DoesNotCap() =>
        Assert.Null(ConfidenceCalibration.CapFor([Says(IntentKind.Documentation, ExpectedOutcome.Substitutes("0"))], Zero, ExpectedOutcome.Substitutes("0"), asserted: true));

    [Fact]
    public void Apply_ConventionOnlyFixAtNinety_LowersAndSaysWhy()
    {
        var result = Result(0.9, []);
        var capped = ConfidenceCalibration.Apply(Diagnosed(0.9), result, asserted: true);

        Assert.Equal(ConfidenceCalibration.ConventionCap, capped.Confidence);
        Assert.Contains(capped.Reasons, r => r.Delta < 0 && r.Reason.Contains("only code conventions", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_ConfidenceAlreadyBelowTheCap_LeavesItAlone()
    {
        var diagnosis = Diagnosed(0.55);

        Assert.Same(diagnosis, ConfidenceCalibration.Apply(diagnosis, Result(0.55, []), asserted: false));
    }

    [Fact]
    public void Apply_StatedAndAsserted_KeepsHighConfidence()
    {
        var diagnosis = Diagnosed(0.9);

        Assert.Equal(0.9, ConfidenceCalibration.Apply(diagnosis, Result(0.9, [Says(IntentKind.Documentation, Zero)]), asserted: true).Confidence);
    }

    private static RuleResult Result(double confidence, ImmutableArray<IntentSignal> intent) =>
        RuleResult.Fix("`meter` is null", "guard", "null-guard", confidence, [new FileEdit("src/App/Meter.cs", "x")], [], []) with
        {
            Outcome = Zero,
            Intent = intent,
        };

    private static Diagnosis Diagnosed(double confidence) =>
        Diagnosis.Diagnosed("rules/null-reference", "`meter` is null", "diff", ["src/App/Meter.cs"], "null-guard", confidence, [], []);
}
