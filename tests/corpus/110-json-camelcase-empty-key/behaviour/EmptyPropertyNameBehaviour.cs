using Beacon.Ingest;

public class EmptyPropertyNameBehaviour
{
    private static readonly DateTimeOffset At = new(2025, 3, 9, 14, 2, 7, TimeSpan.Zero);

    [Fact]
    public void ToJsonLine_EmptyPropertyName_IsWrittenAsIs()
    {
        var e = new TrackingEvent("Page Viewed", "a-17", At, new() { [""] = "x", ["PagePath"] = "/pricing", ["A"] = 1 });

        Assert.EndsWith("\"properties\":{\"\":\"x\",\"pagePath\":\"/pricing\",\"a\":1}}", new WarehouseExporter().ToJsonLine(e));
    }
}
