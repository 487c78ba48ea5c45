namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>CodeActionParams</c>.</summary>
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);
