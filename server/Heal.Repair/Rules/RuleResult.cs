using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Repair.Rules;

/// <summary>What a rule concluded. The engine turns <see cref="Edits"/> into a unified diff and a <see cref="Diagnosis"/>.</summary>
/// <param name="RootCause">One or two plain sentences naming the null value, the empty sequence, the missing key….</param>
/// <param name="Why">Why the rule fired: the pattern it recognised, stated for the reviewer.</param>
/// <param name="Edits">New full text per changed file; empty for a decline.</param>
/// <param name="FixKind">Short stable kind, e.g. <c>null-guard</c>; null for a decline.</param>
/// <param name="Confidence">The rule's own confidence in [0,1].</param>
/// <param name="Reasons">What raised or lowered it (e.g. <c>+0.2 sibling method guards the same way</c>).</param>
/// <param name="DeclineReason">Set for a decline: why the intended behaviour cannot be inferred.</param>
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
    public bool IsDecline => DeclineReason is not null;

    public static RuleResult Fix(string rootCause, string why, string fixKind, double confidence,
        ImmutableArray<FileEdit> edits, ImmutableArray<ConfidenceReason> reasons, ImmutableArray<Evidence> evidence) =>
        new(rootCause, why, edits, fixKind, confidence, reasons, evidence, null);

    public static RuleResult Decline(string rootCause, string reason, ImmutableArray<Evidence> evidence = default) =>
        new(rootCause, reason, ImmutableArray<FileEdit>.Empty, null, 0, ImmutableArray<ConfidenceReason>.Empty,
            evidence.IsDefault ? ImmutableArray<Evidence>.Empty : evidence, reason);
}
