using System.Diagnostics;
using System.Threading.Channels;
using Heal.Feed.Store;

namespace Heal.Feed.Receiver;

/// <summary>
/// The bounded queue between request handlers and the store, drained by ONE writer task that commits in batches
/// (group commit): it takes every request waiting, up to <see cref="ReceiverLimits.MaxBatchEvents"/> events, appends
/// them in one transaction, then completes each request. While one batch commits the next one fills, so the batch
/// size grows with the load and the per-event commit cost falls.
/// </summary>
/// <remarks>
/// <see cref="TryEnqueue"/> never waits: when the queue is full the handler answers 429 (sentry-dotnet's
/// BackgroundWorker does the same on its side: drop and count, never block). Requests are completed only after
/// COMMIT returned, which is what makes a 200 mean "durable".
/// </remarks>
public sealed class IngestionQueue : IAsyncDisposable
{
    private readonly Channel<IngestRequest> _channel;
    private readonly IErrorStore _store;
    private readonly ReceiverLimits _limits;
    private readonly FeedMetrics _metrics;
    private readonly Task _writer;

    public IngestionQueue(IErrorStore store, ReceiverLimits limits, FeedMetrics metrics)
    {
        _store = store;
        _limits = limits;
        _metrics = metrics;
        _channel = Channel.CreateBounded<IngestRequest>(new BoundedChannelOptions(limits.MaxQueuedRequests)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>False when the queue is full (answer 429) or closed (shutting down).</summary>
    public bool TryEnqueue(IngestRequest request) => _channel.Writer.TryWrite(request);

    /// <summary>Stops accepting, commits everything already queued, and returns when the writer is done.</summary>
    public async Task DrainAsync()
    {
        _channel.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await DrainAsync().ConfigureAwait(false);

    private async Task WriteLoopAsync()
    {
        var requests = new List<IngestRequest>();
        var events = new List<NewEvent>();
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            requests.Clear();
            events.Clear();
            while (events.Count < _limits.MaxBatchEvents && reader.TryRead(out var request))
            {
                requests.Add(request);
                events.AddRange(request.Events);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await _store.AppendAsync(events, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The transaction rolled back: none of these requests is durable, so none is acknowledged.
                foreach (var failed in requests)
                {
                    failed.Fail(e);
                }

                requests.Clear();
                events.Clear();
                continue;
            }

            _metrics.AddCommit(Stopwatch.GetTimestamp() - started, events.Count);
            foreach (var done in requests)
            {
                done.Complete();
            }

            // The events point into their requests' buffers: let go of them now, not when the next batch arrives
            // (an idle feed would otherwise keep its last batch, a few large events, alive).
            requests.Clear();
            events.Clear();
        }
    }
}
