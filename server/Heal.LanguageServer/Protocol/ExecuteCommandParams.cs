using System.Text.Json;

namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>ExecuteCommandParams</c>.</summary>
public sealed record ExecuteCommandParams(string Command, IReadOnlyList<JsonElement>? Arguments);
