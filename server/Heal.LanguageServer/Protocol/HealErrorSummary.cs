namespace Heal.LanguageServer.Protocol;

/// <summary>One error group as <c>heal/listErrors</c> and <c>heal/errorDetails</c> return it. Times are ISO 8601.</summary>
public sealed record HealErrorSummary(
    string GroupId,
    string Type,
    string? Message,
    long Count,
    string FirstSeen,
    string LastSeen,
    string? Release,
    string Status,
    IReadOnlyList<HealFrame> Frames);
