using System.Collections.Immutable;

namespace Heal.Core.Model;

/// <summary>
/// What a diagnoser (the offline rules or an LLM) concluded about one error: a root cause with a patch, or a
/// decline. Every diagnoser returns this record and nothing else.
/// </summary>
/// <param name="Status">Diagnosed (a patch is proposed) or declined (no patch; <see cref="DeclineReason"/> says why).</param>
/// <param name="RootCause">One or two plain sentences: why the code crashed. For a decline, what is known.</param>
/// <param name="Evidence">The frames and source lines the conclusion relied on.</param>
/// <param name="Patch">A unified diff in git format (<c>diff --git a/x b/x</c>), paths relative to the repository root; null when declined.</param>
/// <param name="Files">The repository-relative paths the patch changes.</param>
/// <param name="Confidence">In [0,1]; how likely the patch is the fix a careful reviewer would accept.</param>
/// <param name="Reasons">What raised or lowered <see cref="Confidence"/>.</param>
/// <param name="FixKind">A short stable name of the kind of fix, e.g. <c>null-guard</c>, <c>try-get-value</c>, <c>try-parse</c>.</param>
/// <param name="DeclineReason">Why no patch was proposed; null when diagnosed.</param>
/// <param name="Diagnoser">Who produced it, e.g. <c>rules/null-reference</c> or <c>llm/ollama:qwen2.5-coder</c>.</param>
/// <param name="RegressionTest">
/// A unified diff adding one new test file that reproduces the crash (it should fail without the patch and pass
/// with it); null when no test could be written. Validation proves it before trusting it.
/// </param>
/// <remarks>
/// <see cref="Intent"/> holds what the repository says should happen in the failing case (the evidence a fix was
/// chosen by); <see cref="Candidates"/>, set on a decline, the fixes the evidence supported when none clearly
/// dominated, each with its patch, evidence and score.
/// </remarks>
public sealed record Diagnosis(
    DiagnosisStatus Status,
    string RootCause,
    ImmutableArray<Evidence> Evidence,
    string? Patch,
    ImmutableArray<string> Files,
    double Confidence,
    ImmutableArray<ConfidenceReason> Reasons,
    string? FixKind,
    string? DeclineReason,
    string Diagnoser,
    string? RegressionTest = null)
{
    /// <summary>What the repository says should happen in the failing case: the intent the diagnosis relied on.</summary>
    public ImmutableArray<IntentEvidence> Intent { get; init; } = [];

    /// <summary>On a decline: the fixes the evidence supports, best first, none of which clearly dominates. Empty otherwise.</summary>
    public ImmutableArray<RepairCandidate> Candidates { get; init; } = [];

    public static Diagnosis Diagnosed(
        string diagnoser, string rootCause, string patch, ImmutableArray<string> files, string fixKind,
        double confidence, ImmutableArray<ConfidenceReason> reasons, ImmutableArray<Evidence> evidence) =>
        new(DiagnosisStatus.Diagnosed, rootCause, evidence, patch, files, Math.Clamp(confidence, 0, 1), reasons, fixKind, null, diagnoser);

    public static Diagnosis Declined(string diagnoser, string reason, string rootCause = "", ImmutableArray<Evidence> evidence = default) =>
        new(DiagnosisStatus.Declined, rootCause, evidence.IsDefault ? ImmutableArray<Evidence>.Empty : evidence, null,
            ImmutableArray<string>.Empty, 0, ImmutableArray<ConfidenceReason>.Empty, null, reason, diagnoser);
}
