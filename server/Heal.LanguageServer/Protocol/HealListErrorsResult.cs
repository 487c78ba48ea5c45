namespace Heal.LanguageServer.Protocol;

/// <summary>Result of <c>heal/listErrors</c>: groups most recently seen first, muted ones included with their status.</summary>
public sealed record HealListErrorsResult(IReadOnlyList<HealErrorSummary> Errors);
