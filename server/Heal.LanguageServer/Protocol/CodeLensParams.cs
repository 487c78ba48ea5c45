namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>CodeLensParams</c>.</summary>
public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);
