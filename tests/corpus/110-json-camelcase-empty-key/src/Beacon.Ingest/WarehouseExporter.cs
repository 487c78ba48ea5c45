using Lumen.Json;

namespace Beacon.Ingest;

/// <summary>Writes events as camelCase JSON lines for the customer's data warehouse.</summary>
public sealed class WarehouseExporter
{
    private readonly CompactJsonWriter _writer = new(new CamelCaseNamingStrategy { ProcessDictionaryKeys = true });

    public string ToJsonLine(TrackingEvent e) =>
        _writer.WriteObject(new Dictionary<string, object?>
        {
            ["Event"] = e.Name,
            ["AnonymousId"] = e.AnonymousId,
            ["Timestamp"] = e.Timestamp,
            ["Properties"] = e.Properties,
        });

    public IEnumerable<string> ToJsonLines(IEnumerable<TrackingEvent> events) => events.Select(ToJsonLine);
}
