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
public sealed record RuleCandidate(
    string FixKind,
    string Summary,
    ExpectedOutcome? Outcome,
    double Score,
    ImmutableArray<FileEdit> Edits,
    ImmutableArray<ConfidenceReason> Reasons,
    ImmutableArray<Evidence> Evidence,
    ImmutableArray<IntentSignal> Intent,
    string Why = "")
{
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
            foreach (var signal in intent.Supporting(outcome, alsoRealises))
            {
                reasons.Add(new ConfidenceReason(signal.Weight, $"{signal.KindName} says {signal.Says}: {signal.Text}"));
                signals.Add(signal);
            }

            foreach (var signal in intent.Opposing(outcome, alsoRealises))
            {
                var delta = signal.Stance == IntentStance.Names ? -signal.Weight * Analysis.Intent.DisagreementShare : -signal.Weight;
                reasons.Add(new ConfidenceReason(delta, $"{signal.KindName} says {signal.Says} instead: {signal.Text}"));
                signals.Add(signal);
            }
        }

        reasons.AddRange(extra ?? []);
        var score = Math.Round(Math.Clamp(reasons.Sum(r => r.Delta), 0, 0.95), 2);
        return new RuleCandidate(fixKind, summary, outcome, score, [.. edits], reasons.ToImmutable(), [.. evidence ?? []], signals.ToImmutable(), why);
    }

    public override string ToString() => $"{FixKind} ({Score:0.00}): {Summary}";
}
