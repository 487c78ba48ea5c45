using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;

namespace Heal.Repair.Rules;

/// <summary>What a rule concluded. The engine turns <see cref="Edits"/> into a unified diff and a <see cref="Diagnosis"/>.</summary>
/// <param name="RootCause">One or two plain sentences naming the null value, the empty sequence, the missing key….</param>
/// <param name="Why">Why the rule fired: the pattern it recognised, stated for the reviewer.</param>
/// <param name="Edits">New full text per changed file; empty for a decline.</param>
/// <param name="FixKind">Short stable kind, e.g. <c>null-guard</c>; null for a decline.</param>
/// <param name="Confidence">The rule's own confidence in [0,1].</param>
/// <param name="Reasons">What raised or lowered it (e.g. <c>+0.2 sibling method guards the same way</c>).</param>
/// <param name="DeclineReason">Set for a decline: why the intended behaviour cannot be inferred.</param>
/// <remarks>
/// A rule that weighs several fixes builds <see cref="RuleCandidate"/>s and returns <see cref="CandidateChoice.Choose"/>:
/// the offered fix then carries its <see cref="Outcome"/> (what the regression test asserts) and its <see cref="Intent"/>,
/// and a decline carries the <see cref="Candidates"/> none of which dominated.
/// </remarks>
public sealed record RuleResult(
    string RootCause,
    string Why,
    ImmutableArray<FileEdit> Edits,
    string? FixKind,
    double Confidence,
    ImmutableArray<ConfidenceReason> Reasons,
    ImmutableArray<Evidence> Evidence,
    string? DeclineReason)
{
    /// <summary>The behaviour the offered fix gives the failing case, when the evidence names it; the regression test asserts it.</summary>
    public ExpectedOutcome? Outcome { get; init; }

    /// <summary>The intent signals the conclusion relied on (for a decline: what was found, if anything).</summary>
    public ImmutableArray<IntentSignal> Intent { get; init; } = [];

    /// <summary>Every candidate the rule weighed, best first: for a fix, the offered one and its alternatives; for a decline, the undecided ones.</summary>
    public ImmutableArray<RuleCandidate> Candidates { get; init; } = [];

    /// <summary>
    /// True for a fix written on a rewritten site (<see cref="RewrittenSite"/>): a kind of edit not yet proved on held-out
    /// crashes, shown as a candidate like a rule's on probation (<see cref="ICrashRule.OnProbation"/>).
    /// </summary>
    public bool OnProbation { get; init; }

    public bool IsDecline => DeclineReason is not null;

    public static RuleResult Fix(string rootCause, string why, string fixKind, double confidence,
        ImmutableArray<FileEdit> edits, ImmutableArray<ConfidenceReason> reasons, ImmutableArray<Evidence> evidence) =>
        new(rootCause, why, edits, fixKind, confidence, reasons, evidence, null);

    public static RuleResult Decline(string rootCause, string reason, ImmutableArray<Evidence> evidence = default) =>
        new(rootCause, reason, ImmutableArray<FileEdit>.Empty, null, 0, ImmutableArray<ConfidenceReason>.Empty,
            evidence.IsDefault ? ImmutableArray<Evidence>.Empty : evidence, reason);
}
