using System.Net.Http.Json;

namespace Telemetry.Agent;

/// <summary>Posts batches as JSON to the collector's /v1/points endpoint.</summary>
public sealed class HttpMetricSink : IMetricSink
{
    private readonly HttpClient _http;

    public HttpMetricSink(HttpClient http)
    {
        _http = http;
    }

    public async Task SendAsync(IReadOnlyList<MetricPoint> batch, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("v1/points", batch, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
