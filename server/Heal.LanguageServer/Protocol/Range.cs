namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>Range</c>: end exclusive.</summary>
public sealed record Range(Position Start, Position End);
