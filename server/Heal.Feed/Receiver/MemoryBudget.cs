namespace Heal.Feed.Receiver;

/// <summary>
/// A count of bytes that requests hold, with a cap: every buffer a request allocates (the body as sent, the body
/// decompressed, a scrubbed copy) and an allowance for what reading its events allocates. Requests reserve before they
/// allocate and release when they answer; a reservation that would pass the cap fails, and the request is answered 429
/// instead of growing memory.
/// </summary>
public sealed class MemoryBudget(long capacity)
{
    private long _used;
    private long _peak;

    public long Capacity { get; } = capacity;

    public long Used => Interlocked.Read(ref _used);

    /// <summary>The most ever reserved at once.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public bool TryReserve(long bytes)
    {
        var after = Interlocked.Add(ref _used, bytes);
        if (after > Capacity && after != bytes)
        {
            // A single request larger than the whole budget is still let in when nothing else is held, so the
            // size limits (413), not the budget, decide about it.
            Interlocked.Add(ref _used, -bytes);
            return false;
        }

        long peak;
        while (after > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, after, peak) != peak)
        {
        }

        return true;
    }

    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);
}
