using System.Text.Json;

namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>WorkDoneProgressCreateParams</c>.</summary>
public sealed record WorkDoneProgressCreateParams(JsonElement Token);
