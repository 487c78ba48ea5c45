namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>TextEdit</c>.</summary>
public sealed record TextEdit(Range Range, string NewText);
