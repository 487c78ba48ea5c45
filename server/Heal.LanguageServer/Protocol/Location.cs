namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>Location</c>.</summary>
public sealed record Location(string Uri, Range Range);
