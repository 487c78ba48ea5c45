namespace Telemetry.Agent;

public sealed record MetricPoint(string Name, double Value, DateTimeOffset At, string Host);

/// <summary>Where batches of points go. One implementation per collector protocol.</summary>
public interface IMetricSink
{
    Task SendAsync(IReadOnlyList<MetricPoint> batch, CancellationToken cancellationToken);
}
