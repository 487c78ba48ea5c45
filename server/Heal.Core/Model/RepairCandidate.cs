using System.Collections.Immutable;

namespace Heal.Core.Model;

/// <summary>
/// One fix the evidence supports, with what supports it. A diagnoser that finds several and cannot tell which one
/// the team intends declines and lists them (<see cref="Diagnosis.Candidates"/>), so a person can choose.
/// </summary>
/// <param name="FixKind">The kind of fix, as in <see cref="Diagnosis.FixKind"/>.</param>
/// <param name="Summary">What it does, one sentence (e.g. <c>return null when `order` is missing</c>).</param>
/// <param name="Score">In [0,1]: how strongly the evidence supports it (the confidence it would have been offered with).</param>
/// <param name="Patch">The unified diff (git format, repository-relative paths); null when it could not be written.</param>
/// <param name="Evidence">What the repository says for (and against) it.</param>
public sealed record RepairCandidate(
    string FixKind,
    string Summary,
    double Score,
    string? Patch,
    ImmutableArray<IntentEvidence> Evidence);
