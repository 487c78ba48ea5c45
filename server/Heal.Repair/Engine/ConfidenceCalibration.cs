using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Heal.Repair.Rules;

namespace Heal.Repair.Engine;

/// <summary>
/// What an offline patch's confidence may reach, given what backs its behaviour. A rule's score adds up patterns and
/// conventions, and conventions borrowed from other code can agree with each other and still be wrong for this case; so
/// the score is capped by the strongest kind of proof the diagnosis holds:
/// <list type="bullet">
/// <item>the regression test asserts the outcome, and the team stated that outcome for this case in words (XML documentation of
/// the failing method, the value's member or the method that produced it, or a visible test): no cap;</item>
/// <item>the test asserts the outcome, but only code conventions name it (sibling or own guards, callers, annotations):
/// at most <see cref="ConventionCap"/>;</item>
/// <item>the test can only check "does not throw", or no test could be written: at most <see cref="UnassertedCap"/>.</item>
/// </list>
/// The caps sit below the auto-merge threshold (0.9 on the validated confidence, which adds at most 0.18): only a stated and
/// tested outcome can be merged without a person.
/// </summary>
public static class ConfidenceCalibration
{
    /// <summary>An outcome only code conventions name, asserted by the regression test.</summary>
    public const double ConventionCap = 0.75;

    /// <summary>An outcome no test asserts.</summary>
    public const double UnassertedCap = 0.7;

    /// <summary>Where the team states an outcome in words, rather than by code that may answer another case.</summary>
    public static bool IsStatement(IntentKind kind) => kind is IntentKind.Documentation or IntentKind.Producer or IntentKind.VisibleTest;

    /// <summary>The team-written statement that names <paramref name="outcomes"/>, if <paramref name="signals"/> hold one.</summary>
    public static IntentSignal? Statement(ImmutableArray<IntentSignal> signals, params ExpectedOutcome?[] outcomes) =>
        signals.IsDefaultOrEmpty
            ? null
            : signals.FirstOrDefault(s => s.Stance == IntentStance.Names && IsStatement(s.Kind) && outcomes.Any(o => o is not null && o.SameAs(s.Outcome)));

    /// <summary>
    /// The cap for a fix with <paramref name="outcome"/> backed by <paramref name="signals"/>, and the reason a reviewer reads;
    /// null when nothing caps it.
    /// </summary>
    /// <param name="asserted">The regression test asserts the outcome (not only "does not throw").</param>
    public static (double Cap, string Reason)? CapFor(ImmutableArray<IntentSignal> signals, ExpectedOutcome? outcome, ExpectedOutcome? alsoRealises, bool asserted)
    {
        if (!asserted)
        {
            return (UnassertedCap, "no regression test asserts the behaviour the fix gives the failing case");
        }

        return Statement(signals, outcome, alsoRealises) is null
            ? (ConventionCap, "only code conventions name the outcome; no documentation or visible test states it for this case")
            : null;
    }

    /// <summary><paramref name="diagnosis"/> with its confidence capped as <see cref="CapFor"/> says, and the reason added when it lowers it.</summary>
    public static Diagnosis Apply(Diagnosis diagnosis, RuleResult result, bool asserted)
    {
        var best = result.Candidates.IsDefaultOrEmpty ? null : result.Candidates[0];
        var signals = result.Intent.IsDefault ? [] : result.Intent;
        if (best is not null && !best.Intent.IsDefaultOrEmpty)
        {
            signals = signals.AddRange(best.Intent);
        }

        if (CapFor(signals, result.Outcome, best?.Outcome, asserted) is not { } cap || diagnosis.Confidence <= cap.Cap)
        {
            return diagnosis;
        }

        var delta = Math.Round(cap.Cap - diagnosis.Confidence, 2);
        return diagnosis with
        {
            Confidence = cap.Cap,
            Reasons = diagnosis.Reasons.Add(new ConfidenceReason(delta, $"capped at {cap.Cap:0.00}: {cap.Reason}")),
        };
    }
}
