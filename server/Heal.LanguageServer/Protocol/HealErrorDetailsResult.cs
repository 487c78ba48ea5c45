namespace Heal.LanguageServer.Protocol;

/// <summary>Result of <c>heal/errorDetails</c>: the hover's Markdown and the structured group.</summary>
public sealed record HealErrorDetailsResult(MarkupContent Markdown, HealErrorSummary Error);
