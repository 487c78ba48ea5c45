namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>DidChangeTextDocumentParams</c>.</summary>
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);
