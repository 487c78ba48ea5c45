namespace Heal.LanguageServer.Handlers;

/// <summary>The params of methods that take none (<c>shutdown</c>, <c>exit</c>, <c>initialized</c>).</summary>
public sealed record NoParams;
