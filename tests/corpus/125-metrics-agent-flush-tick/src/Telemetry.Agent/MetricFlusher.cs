namespace Telemetry.Agent;

/// <summary>Buffers metric points in the host process and sends them to the collector on a timer.</summary>
/// <remarks>
/// The agent runs inside our customers' services, and the collector is often briefly unreachable (deploys,
/// network blips). A flush that fails keeps its points for the next tick and is counted in
/// <see cref="FailedFlushes"/>; the agent must never take the host application down.
/// </remarks>
public sealed class MetricFlusher : IDisposable
{
    private readonly IMetricSink _sink;
    private readonly List<MetricPoint> _pending = new();
    private readonly object _gate = new();
    private Timer? _timer;
    private int _failedFlushes;

    public MetricFlusher(IMetricSink sink)
    {
        _sink = sink;
    }

    /// <summary>Flushes that failed since start-up (shown on the agent's status page).</summary>
    public int FailedFlushes => Volatile.Read(ref _failedFlushes);

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void Record(MetricPoint point)
    {
        lock (_gate)
        {
            _pending.Add(point);
        }
    }

    public void Start(TimeSpan interval)
    {
        _timer = new Timer(OnTick, null, interval, interval);
    }

    /// <summary>The timer's callback: one flush per tick.</summary>
    public async void OnTick(object? state)
    {
        await FlushAsync();
    }

    /// <summary>Sends every pending point in one batch.</summary>
    /// <remarks>Points leave the buffer only once the sink has accepted them; when the sink throws they stay pending.</remarks>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        MetricPoint[] batch;
        lock (_gate)
        {
            batch = _pending.ToArray();
        }
        if (batch.Length == 0)
        {
            return;
        }
        await _sink.SendAsync(batch, cancellationToken);
        lock (_gate)
        {
            _pending.RemoveRange(0, batch.Length);
        }
    }

    public void Dispose() => _timer?.Dispose();
}
