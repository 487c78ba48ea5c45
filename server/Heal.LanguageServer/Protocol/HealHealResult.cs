namespace Heal.LanguageServer.Protocol;

/// <summary>
/// Result of <c>heal/heal</c>. <see cref="Status"/> is validated, declined, rejected or error; <see cref="Edit"/> holds
/// the patch as text edits against the files' current text (open documents included), for the client to preview.
/// </summary>
public sealed record HealHealResult(
    string Status,
    string Message,
    string? RootCause,
    double Confidence,
    IReadOnlyList<HealGate> Gates,
    string? Patch,
    WorkspaceEdit? Edit);
