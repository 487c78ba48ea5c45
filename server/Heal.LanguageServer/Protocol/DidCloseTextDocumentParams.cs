namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>DidCloseTextDocumentParams</c>.</summary>
public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
