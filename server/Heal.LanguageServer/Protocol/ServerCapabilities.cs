namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>ServerCapabilities</c>: what Heal offers.</summary>
public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    CodeLensOptions CodeLensProvider,
    CodeActionOptions CodeActionProvider,
    ExecuteCommandOptions ExecuteCommandProvider);
