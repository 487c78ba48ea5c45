using System.Text.Json;

namespace Settings;

public static class SettingsLoader
{
    /// <summary>Flattens a JSON settings document. Numbers become <see cref="long"/> or <see cref="double"/>.</summary>
    public static Dictionary<string, object?> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
            values[property.Name] = ToValue(property.Value);
        return values;
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
