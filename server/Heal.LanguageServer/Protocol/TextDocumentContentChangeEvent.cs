namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>TextDocumentContentChangeEvent</c>: a ranged change, or the whole text when <see cref="Range"/> is null.</summary>
public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);
