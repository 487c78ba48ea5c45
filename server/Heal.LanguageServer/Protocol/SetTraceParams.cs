namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>SetTraceParams</c>.</summary>
public sealed record SetTraceParams(string Value);
