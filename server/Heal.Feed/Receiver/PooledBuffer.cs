namespace Heal.Feed.Receiver;

/// <summary>
/// A growable byte buffer from the receiver's <see cref="BufferPool"/>, whose whole array is reserved in a
/// <see cref="MemoryBudget"/> before it is allocated and released when the buffer is disposed.
/// </summary>
public sealed class PooledBuffer : IDisposable
{
    private readonly MemoryBudget _budget;
    private readonly BufferPool _pool;
    private byte[] _array;
    private long _reserved;

    private PooledBuffer(MemoryBudget budget, BufferPool pool, byte[] array)
    {
        _budget = budget;
        _pool = pool;
        _array = array;
        _reserved = array.Length;
    }

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    public Memory<byte> Free => _array.AsMemory(Length);

    public static PooledBuffer? TryCreate(int capacity, MemoryBudget budget, BufferPool pool)
    {
        var length = BufferPool.LengthFor(Math.Max(capacity, 1));
        if (!budget.TryReserve(length))
        {
            return null;
        }

        return new PooledBuffer(budget, pool, pool.Rent(length));
    }

    /// <summary>Makes room for at least <paramref name="minimumFree"/> more bytes, never beyond <paramref name="maximumCapacity"/>. False when the budget is spent.</summary>
    public bool TryEnsureFree(int minimumFree, int maximumCapacity)
    {
        if (_array.Length - Length >= minimumFree || _array.Length >= maximumCapacity)
        {
            return true;
        }

        var wanted = BufferPool.LengthFor((int)Math.Min(Math.Max((long)_array.Length * 2, (long)Length + minimumFree), maximumCapacity));
        if (!_budget.TryReserve(wanted))
        {
            return false;
        }

        var bigger = _pool.Rent(wanted);
        _array.AsSpan(0, Length).CopyTo(bigger);
        _pool.Return(_array);
        _budget.Release(_reserved);
        _array = bigger;
        _reserved = bigger.Length;
        return true;
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        if (_reserved == 0)
        {
            return;
        }

        _pool.Return(_array);
        _array = [];
        _budget.Release(_reserved);
        _reserved = 0;
    }
}
