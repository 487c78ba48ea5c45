namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>CodeAction</c>.</summary>
public sealed record CodeAction(string Title, string Kind, IReadOnlyList<Diagnostic>? Diagnostics, Command? Command);
