namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>PublishDiagnosticsParams</c>.</summary>
public sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<Diagnostic> Diagnostics);
