using System.Buffers;

namespace Heal.Feed.Receiver;

/// <summary>A growable byte buffer rented from the shared pool, whose capacity is reserved in a <see cref="MemoryBudget"/>.</summary>
public sealed class PooledBuffer : IDisposable
{
    private readonly MemoryBudget _budget;
    private byte[] _array;
    private long _reserved;

    private PooledBuffer(MemoryBudget budget, byte[] array, long reserved)
    {
        _budget = budget;
        _array = array;
        _reserved = reserved;
    }

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    public Memory<byte> Free => _array.AsMemory(Length);

    public static PooledBuffer? TryCreate(int capacity, MemoryBudget budget)
    {
        capacity = Math.Max(capacity, 256);
        if (!budget.TryReserve(capacity))
        {
            return null;
        }

        var array = ArrayPool<byte>.Shared.Rent(capacity);
        return new PooledBuffer(budget, array, capacity);
    }

    /// <summary>Makes room for at least <paramref name="minimumFree"/> more bytes, never beyond <paramref name="maximumCapacity"/>. False when the budget is spent.</summary>
    public bool TryEnsureFree(int minimumFree, int maximumCapacity)
    {
        if (_array.Length - Length >= minimumFree || _array.Length >= maximumCapacity)
        {
            return true;
        }

        var wanted = (int)Math.Min(Math.Max((long)_array.Length * 2, (long)Length + minimumFree), maximumCapacity);
        var extra = wanted - _reserved;
        if (extra > 0 && !_budget.TryReserve(extra))
        {
            return false;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(wanted);
        _array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
        _reserved = Math.Max(_reserved, wanted);
        return true;
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        if (_reserved == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        _budget.Release(_reserved);
        _reserved = 0;
    }
}
