namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>DidOpenTextDocumentParams</c>.</summary>
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);
