namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>InitializeResult</c>.</summary>
public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);
