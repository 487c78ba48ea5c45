namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>TextDocumentSyncOptions</c>; <see cref="Change"/> 2 is incremental.</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);
