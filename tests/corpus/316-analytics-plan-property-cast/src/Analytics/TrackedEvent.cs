using System.Text.Json;

namespace Analytics;

/// <summary>An event as the browser SDK posts it. Properties are free-form JSON values.</summary>
public sealed class TrackedEvent
{
    public string Name { get; set; } = "";
    public string AnonymousId { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public Dictionary<string, object> Properties { get; set; } = new();

    public static IReadOnlyList<TrackedEvent> ParseBatch(string json) =>
        JsonSerializer.Deserialize<List<TrackedEvent>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
}
