using System.Text.Json.Serialization;

namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>Command</c>. Arguments carry ids only (stateless like HTTP).</summary>
public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandName, IReadOnlyList<object>? Arguments);
