namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>TextDocumentIdentifier</c>.</summary>
public sealed record TextDocumentIdentifier(string Uri);
