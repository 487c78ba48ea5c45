using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;

namespace Heal.Repair.Rules;

/// <summary>
/// One fix a rule can write for a crash, scored by the evidence for the behaviour it gives the failing case. A rule
/// proposes every candidate the evidence supports and lets <see cref="CandidateChoice"/> decide: the best is offered
/// only when it clearly dominates.
/// </summary>
/// <param name="FixKind">Short stable kind, e.g. <c>null-guard</c>, <c>try-get-value</c>.</param>
/// <param name="Summary">What it does, one sentence for a reviewer choosing between candidates.</param>
/// <param name="Outcome">The behaviour it gives the failing case (asserted by the regression test); null when it cannot be stated.</param>
/// <param name="Score">In [0,1]: the rule's confidence in the pattern plus the net weight of the intent evidence for <see cref="Outcome"/>.</param>
/// <param name="Edits">New full text per changed file.</param>
/// <param name="Reasons">What raised or lowered <see cref="Score"/>.</param>
/// <param name="Evidence">Source lines it relied on (besides the frames).</param>
/// <param name="Intent">The intent signals that bear on it (supporting and opposing).</param>
/// <param name="Why">Why it fits, for the reviewer (becomes the diagnosis's first reason when offered); empty for the rule's own.</param>
/// <param name="AlsoRealises">A second outcome the same edit gives (substituting <c>F</c> in <c>return d[k];</c> also returns <c>F</c>).</param>
public sealed record RuleCandidate(
    string FixKind,
    string Summary,
    ExpectedOutcome? Outcome,
    double Score,
    ImmutableArray<FileEdit> Edits,
    ImmutableArray<ConfidenceReason> Reasons,
    ImmutableArray<Evidence> Evidence,
    ImmutableArray<IntentSignal> Intent,
    string Why = "",
    ExpectedOutcome? AlsoRealises = null)
{
    /// <summary>Whether the two give the failing case the same behaviour (then they are not rivals, whatever their edits).</summary>
    public bool BehavesLike(RuleCandidate other) =>
        new[] { Outcome, AlsoRealises }.Any(a => a is not null && (a.SameAs(other.Outcome) || a.SameAs(other.AlsoRealises)));

    /// <summary>
    /// A candidate whose score is <paramref name="baseScore"/> (the pattern) plus the net intent support for
    /// <paramref name="outcome"/> (and <paramref name="alsoRealises"/>, when the fix gives both at once), with one reason per
    /// supporting or opposing signal.
    /// </summary>
    public static RuleCandidate Scored(
        string fixKind, string summary, ExpectedOutcome? outcome, double baseScore, string baseReason,
        Intent intent, IEnumerable<FileEdit> edits, IEnumerable<Evidence>? evidence = null, IEnumerable<ConfidenceReason>? extra = null, string why = "",
        ExpectedOutcome? alsoRealises = null)
    {
        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        reasons.Add(new ConfidenceReason(baseScore, baseReason));
        var signals = ImmutableArray.CreateBuilder<IntentSignal>();
        if (outcome is not null)
        {
            foreach (var (group, weight) in Analysis.Intent.Weigh(intent.Supporting(outcome, alsoRealises)))
            {
                reasons.Add(new ConfidenceReason(weight, $"{group[0].KindName} says {group[0].Says}: {group[0].Text}{More(group)}"));
                signals.AddRange(group);
            }

            foreach (var (group, weight) in Analysis.Intent.Weigh(intent.Opposing(outcome, alsoRealises)))
            {
                var delta = group[0].Stance == IntentStance.Names ? -weight * Analysis.Intent.DisagreementShare : -weight;
                reasons.Add(new ConfidenceReason(delta, $"{group[0].KindName} says {group[0].Says} instead: {group[0].Text}{More(group)}"));
                signals.AddRange(group);
            }
        }

        reasons.AddRange(extra ?? []);
        var score = Math.Round(Math.Clamp(reasons.Sum(r => r.Delta), 0, 0.95), 2);
        return new RuleCandidate(fixKind, summary, outcome, score, [.. edits], reasons.ToImmutable(), [.. evidence ?? []], signals.ToImmutable(), why, alsoRealises);
    }

    /// <summary>
    /// A fix a rule derived from the code's own conventions (sibling guards and fallbacks), as a candidate: its confidence and
    /// reasons, plus the intent signals for and against its outcome that the rule did not already weigh.
    /// </summary>
    public static RuleCandidate FromFix(RuleResult fix, Intent intent, string? summary = null)
    {
        var outcome = fix.Outcome;
        var scored = Scored(fix.FixKind ?? "fix", summary ?? $"{fix.FixKind}: {outcome?.Describe() ?? "as the code around it does"}", outcome, 0, "", intent, fix.Edits);
        var reasons = fix.Reasons.AddRange(scored.Reasons.Skip(1));
        var score = Math.Round(Math.Clamp(fix.Confidence + scored.Reasons.Skip(1).Sum(r => r.Delta), 0, 0.95), 2);
        return scored with { Score = score, Reasons = reasons, Evidence = fix.Evidence, Why = fix.Why };
    }

    private static string More(ImmutableArray<IntentSignal> group) => group.Length > 1 ? $" (and {group.Length - 1} more)" : "";

    public override string ToString() => $"{FixKind} ({Score:0.00}): {Summary}";
}
