using Beacon.Ingest;

public class WarehouseExporterTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 9, 14, 2, 7, TimeSpan.Zero);

    [Fact]
    public void ToJsonLine_CamelCasesMembersAndPropertyNames()
    {
        var e = new TrackingEvent("Checkout Started", "a-91", At, new() { ["CartValue"] = 42.5m, ["URLPath"] = "/cart", ["ID"] = 7, ["utm_source"] = "mail" });

        Assert.Equal(
            "{\"event\":\"Checkout Started\",\"anonymousId\":\"a-91\",\"timestamp\":\"2025-03-09T14:02:07.0000000+00:00\"," +
            "\"properties\":{\"cartValue\":42.5,\"urlPath\":\"/cart\",\"id\":7,\"utm_source\":\"mail\"}}",
            new WarehouseExporter().ToJsonLine(e));
    }

    [Fact]
    public void ToJsonLine_NestedValuesAndEscapes()
    {
        var e = new TrackingEvent("Search", "a-3", At, new() { ["Terms"] = new[] { "red \"shoes\"", "size 9" }, ["Filters"] = new Dictionary<string, object?> { ["InStock"] = true } });

        Assert.EndsWith("\"properties\":{\"terms\":[\"red \\\"shoes\\\"\",\"size 9\"],\"filters\":{\"inStock\":true}}}", new WarehouseExporter().ToJsonLine(e));
    }
}
