namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>CodeActionContext</c>.</summary>
public sealed record CodeActionContext(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string>? Only);
