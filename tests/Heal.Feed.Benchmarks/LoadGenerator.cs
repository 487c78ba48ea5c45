using System.Diagnostics;
using System.Net;

namespace Heal.Feed.Benchmarks;

/// <summary>Posts prepared gzip envelopes over loopback from N concurrent keep-alive connections, timing each durable acknowledgement.</summary>
public static class LoadGenerator
{
    public static async Task<LoadRun> RunAsync(Uri address, IReadOnlyList<byte[]> bodies, int connections)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        var latencies = new double[bodies.Count];
        var next = -1;
        int acknowledged = 0, refused = 0, errors = 0;
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                try
                {
                    await Task.Delay(50, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentEncoding.Add("gzip");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync("/api/1/envelope/", content);
                    await response.Content.ReadAsByteArrayAsync();
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    switch ((int)response.StatusCode)
                    {
                        case 200:
                            Interlocked.Increment(ref acknowledged);
                            break;
                        case 429:
                            Interlocked.Increment(ref refused);
                            latencies[i] = -1;
                            break;
                        default:
                            Interlocked.Increment(ref errors);
                            latencies[i] = -1;
                            break;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    latencies[i] = -1;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        return new LoadRun(bodies.Count, acknowledged, refused, errors, clock.Elapsed, latencies.Where(l => l >= 0).ToArray(), peak);
    }
}
