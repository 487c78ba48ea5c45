using System.Runtime;

namespace Heal.Feed.Receiver;

/// <summary>
/// Gives memory back to the operating system once the feed has been idle for <see cref="IdleAfter"/> after a burst:
/// drops the buffers the <see cref="BufferPool"/> keeps, runs one aggressive, compacting full collection (large objects
/// included), which decommits the heap the burst grew, lets the store drop its page cache, and asks glibc to return what
/// SQLite and zlib freed.
/// </summary>
/// <remarks>
/// Why not only GC settings: the GC collects when allocations reach its budgets, and an idle process allocates nothing,
/// so a heap grown by a burst would stay committed forever (issue 11 saw 1.6 GiB after fuzzing). Server GC or a heap
/// hard limit would not change that, and a hard limit turns a burst into OutOfMemoryException. One blocking collection
/// on an idle process costs a few milliseconds; it runs only when the heap is worth shrinking and once per idle period.
/// </remarks>
public sealed class IdleMemory : IAsyncDisposable
{
    /// <summary>Managed memory (garbage included, pooled buffers included) below which an idle feed is left alone.</summary>
    public const long WorthCompactingBytes = 16L << 20;

    private readonly BufferPool _pool;
    private readonly Func<CancellationToken, Task>? _releaseStore;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _activity;
    private long _inFlight;
    private long _lastSeen = -1;
    private long _compactedAt;
    private long _compactions;
    private TaskCompletionSource _nextCompaction = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="releaseStore">Lets the store give back its caches (SQLite's page cache), before the collection.</param>
    public IdleMemory(BufferPool pool, TimeSpan idleAfter, Func<CancellationToken, Task>? releaseStore = null)
    {
        _pool = pool;
        _releaseStore = releaseStore;
        IdleAfter = idleAfter;
        _loop = Task.Run(LoopAsync);
    }

    public TimeSpan IdleAfter { get; }

    /// <summary>How many times memory was given back; tests and the benchmark read it.</summary>
    public long Compactions => Interlocked.Read(ref _compactions);

    /// <summary>Completes when memory is next given back (tests await it instead of sleeping).</summary>
    public Task NextCompaction => Volatile.Read(ref _nextCompaction).Task;

    /// <summary>Called when a request starts; dispose the result when it has answered.</summary>
    public RequestMark Begin()
    {
        Interlocked.Increment(ref _activity);
        Interlocked.Increment(ref _inFlight);
        return new RequestMark(this);
    }

    /// <summary>Marks one request in flight; the feed is idle only when none is.</summary>
    public readonly struct RequestMark(IdleMemory owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inFlight);
    }

    /// <summary>Gives memory back now (tests and the idle loop).</summary>
    public async Task CompactAsync()
    {
        if (_releaseStore is not null)
        {
            try
            {
                await _releaseStore(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy or failing store keeps its cache; the rest is still given back.
            }
        }

        var pooled = _pool.Retained;
        _pool.Trim();
        if (pooled + GC.GetTotalMemory(forceFullCollection: false) >= WorthCompactingBytes)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        NativeHeap.Trim();
        Interlocked.Increment(ref _compactions);
        Interlocked.Exchange(ref _nextCompaction, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(IdleAfter / 2);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var activity = Interlocked.Read(ref _activity);
                if (activity == _lastSeen && activity != _compactedAt && Interlocked.Read(ref _inFlight) == 0)
                {
                    // No request in flight or started since the last tick, and some since the last compaction.
                    await CompactAsync().ConfigureAwait(false);
                    _compactedAt = activity;
                }

                _lastSeen = activity;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
