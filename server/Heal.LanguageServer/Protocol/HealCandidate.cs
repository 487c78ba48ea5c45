namespace Heal.LanguageServer.Protocol;

/// <summary>
/// A fix the evidence supported when the diagnosis declined because none clearly dominated: what it does, its score in
/// [0,1], its patch (unified diff, never applied by the server) and the evidence for and against it.
/// </summary>
public sealed record HealCandidate(string FixKind, string Summary, double Score, string? Patch, IReadOnlyList<HealEvidence> Evidence);
