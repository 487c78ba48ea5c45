using System.Text.Json;

namespace Analytics;

/// <summary>Typed reads of event properties, which System.Text.Json leaves as JsonElement values.</summary>
public static class Props
{
    public static string? ReadString(IReadOnlyDictionary<string, object> props, string key) =>
        props.TryGetValue(key, out var value) && value is JsonElement { ValueKind: JsonValueKind.String } element
            ? element.GetString()
            : null;

    public static decimal? ReadDecimal(IReadOnlyDictionary<string, object> props, string key) =>
        props.TryGetValue(key, out var value) && value is JsonElement { ValueKind: JsonValueKind.Number } element
            ? element.GetDecimal()
            : null;
}
