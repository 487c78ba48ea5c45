namespace Heal.LanguageServer.Protocol;

/// <summary>
/// Result of <c>heal/heal</c>. <see cref="Status"/> is validated, declined, rejected or error; <see cref="Edit"/> holds
/// the patch as text edits against the files' current text (open documents included), for the client to preview.
/// <see cref="RegressionTest"/> is the test that reproduced the crash, offered with the patch, only when the
/// reproduction gate passed (it failed without the fix and passed with it).
/// </summary>
public sealed record HealHealResult(
    string Status,
    string Message,
    string? RootCause,
    double Confidence,
    IReadOnlyList<HealGate> Gates,
    string? Patch,
    WorkspaceEdit? Edit,
    HealRegressionTest? RegressionTest = null);

/// <summary>A new test file: its workspace-relative path, its URI and its whole text.</summary>
public sealed record HealRegressionTest(string Path, string Uri, string Text);
