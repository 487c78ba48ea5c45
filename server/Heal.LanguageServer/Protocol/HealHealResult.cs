namespace Heal.LanguageServer.Protocol;

/// <summary>
/// Result of <c>heal/heal</c>. <see cref="Status"/> is validated, declined, rejected or error; <see cref="Edit"/> holds
/// the patch as text edits against the files' current text (open documents included), for the client to preview.
/// <see cref="RegressionTest"/> is the test that reproduced the crash, offered with the patch, only when the
/// reproduction gate passed (it failed without the fix and passed with it). <see cref="Evidence"/> lists what the
/// repository says should happen in the failing case (the intent the fix follows) and the lines the diagnosis relied
/// on; <see cref="Candidates"/>, on a decline, the fixes the evidence supported when none clearly dominated.
/// </summary>
public sealed record HealHealResult(
    string Status,
    string Message,
    string? RootCause,
    double Confidence,
    IReadOnlyList<HealGate> Gates,
    string? Patch,
    WorkspaceEdit? Edit,
    HealRegressionTest? RegressionTest = null,
    IReadOnlyList<HealEvidence>? Evidence = null,
    IReadOnlyList<HealCandidate>? Candidates = null);

/// <summary>A new test file: its workspace-relative path, its URI and its whole text.</summary>
public sealed record HealRegressionTest(string Path, string Uri, string Text);
