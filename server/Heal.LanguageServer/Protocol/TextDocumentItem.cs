namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>TextDocumentItem</c>.</summary>
public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);
