using Telemetry.Agent;

public class MetricFlusherTests
{
    private sealed class RecordingSink : IMetricSink
    {
        public List<IReadOnlyList<MetricPoint>> Batches { get; } = new();
        public Exception? Fail { get; set; }

        public Task SendAsync(IReadOnlyList<MetricPoint> batch, CancellationToken cancellationToken)
        {
            if (Fail is not null)
            {
                return Task.FromException(Fail);
            }
            Batches.Add(batch);
            return Task.CompletedTask;
        }
    }

    private static MetricPoint Point(double v) => new("http.requests", v, new DateTimeOffset(2025, 4, 2, 10, 0, 0, TimeSpan.Zero), "web-1");

    [Fact]
    public async Task FlushAsync_SendsPendingPointsOnce()
    {
        var sink = new RecordingSink();
        var flusher = new MetricFlusher(sink);
        flusher.Record(Point(1));
        flusher.Record(Point(2));

        await flusher.FlushAsync();
        await flusher.FlushAsync();

        Assert.Equal([2], sink.Batches.Select(b => b.Count));
        Assert.Equal(0, flusher.Pending);
    }

    [Fact]
    public async Task FlushAsync_SinkFails_PointsStayPending()
    {
        var sink = new RecordingSink { Fail = new HttpRequestException("collector down") };
        var flusher = new MetricFlusher(sink);
        flusher.Record(Point(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => flusher.FlushAsync());

        Assert.Equal(1, flusher.Pending);
    }
}
