using System.Text.Json;

namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>ProgressParams</c> of <c>$/progress</c>. <see cref="Token"/> is the client token as sent (string or number).</summary>
public sealed record ProgressParams(JsonElement Token, object Value);
