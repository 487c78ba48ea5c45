namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>TextDocumentPositionParams</c> (the params of <c>textDocument/hover</c>).</summary>
public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);
