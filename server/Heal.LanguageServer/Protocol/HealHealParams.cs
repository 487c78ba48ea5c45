using System.Text.Json;

namespace Heal.LanguageServer.Protocol;

/// <summary>Params of <c>heal/heal</c>. <see cref="Uri"/> is the document the user asked from (optional).</summary>
public sealed record HealHealParams(string GroupId, string? Uri, JsonElement? WorkDoneToken);
