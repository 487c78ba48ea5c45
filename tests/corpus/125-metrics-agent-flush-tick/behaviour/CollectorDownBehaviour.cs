using Telemetry.Agent;

public class CollectorDownBehaviour
{
    private sealed class FlakySink : IMetricSink
    {
        public bool Down { get; set; }
        public int Delivered { get; private set; }

        public Task SendAsync(IReadOnlyList<MetricPoint> batch, CancellationToken cancellationToken)
        {
            if (Down)
            {
                return Task.FromException(new HttpRequestException("Connection refused (collector:4318)"));
            }
            Delivered += batch.Count;
            return Task.CompletedTask;
        }
    }

    private static MetricPoint Point(double v) => new("http.requests", v, new DateTimeOffset(2025, 4, 2, 10, 0, 0, TimeSpan.Zero), "web-1");

    [Fact]
    public void OnTick_CollectorDown_CountsTheFailureAndKeepsThePoints()
    {
        var sink = new FlakySink { Down = true };
        var flusher = new MetricFlusher(sink);
        flusher.Record(Point(1));
        flusher.Record(Point(2));

        flusher.OnTick(null);

        Assert.Equal(1, flusher.FailedFlushes);
        Assert.Equal(2, flusher.Pending);
    }

    [Fact]
    public void OnTick_CollectorBack_DeliversWhatWasKept()
    {
        var sink = new FlakySink { Down = true };
        var flusher = new MetricFlusher(sink);
        flusher.Record(Point(1));
        flusher.OnTick(null);
        flusher.Record(Point(2));
        flusher.OnTick(null);

        sink.Down = false;
        flusher.OnTick(null);

        Assert.Equal(2, flusher.FailedFlushes);
        Assert.Equal(2, sink.Delivered);
        Assert.Equal(0, flusher.Pending);
    }
}
