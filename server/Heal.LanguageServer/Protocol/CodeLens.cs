namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>CodeLens</c>.</summary>
public sealed record CodeLens(Range Range, Command? Command);
