using System.Collections.Concurrent;
using System.Numerics;

namespace Heal.Feed.Receiver;

/// <summary>
/// The receiver's own byte arrays, reused between requests, with what it keeps bounded: at most
/// <see cref="MaxRetainedSmallBytes"/> of arrays up to <see cref="MaxSmallLength"/> (powers of two) and
/// <see cref="MaxRetainedLargeBytes"/> of larger ones (sizes in steps of a quarter of a power of two, so an array is at most
/// 25% larger than asked). <see cref="Trim"/> drops them all when the feed is idle.
/// </summary>
/// <remarks>
/// Why not <c>ArrayPool.Shared</c>: it keeps arrays up to 1 GiB per core for the life of the process. Why reuse large
/// arrays at all: a request for a 20 MiB event would otherwise leave 20 MiB of garbage on the large-object heap, which
/// the GC collects only after much more of it has piled up; under a stream of hostile large events that pile, not the
/// requests in flight, is what grew the feed to gigabytes. When a large array cannot be kept, the pool counts it and,
/// past <see cref="CollectAfterDroppedBytes"/>, collects at once.
/// </remarks>
public sealed class BufferPool
{
    public const int MinLength = 4 * 1024;

    public const int MaxSmallLength = 1024 * 1024;

    public const long MaxRetainedSmallBytes = 16L << 20;

    public const long MaxRetainedLargeBytes = 48L << 20;

    public const long CollectAfterDroppedBytes = 64L << 20;

    private readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> _buckets = new();
    private long _retainedSmall;
    private long _retainedLarge;
    private long _dropped;

    /// <summary>Bytes held by the pool between requests.</summary>
    public long Retained => Interlocked.Read(ref _retainedSmall) + Interlocked.Read(ref _retainedLarge);

    /// <summary>The length an array for <paramref name="minimum"/> bytes will have: what a caller reserves in the budget.</summary>
    public static int LengthFor(int minimum)
    {
        if (minimum <= MaxSmallLength)
        {
            return Math.Max(MinLength, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, minimum)));
        }

        // 1 MiB, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, … : a quarter of the power of two below.
        var power = 1L << BitOperations.Log2((uint)minimum);
        var step = power / 4;
        return (int)Math.Min(int.MaxValue, (minimum + step - 1) / step * step);
    }

    /// <summary>An array of exactly <see cref="LengthFor"/>(<paramref name="minimum"/>) bytes, contents undefined.</summary>
    public byte[] Rent(int minimum)
    {
        var length = LengthFor(minimum);
        if (_buckets.TryGetValue(length, out var bucket) && bucket.TryTake(out var array))
        {
            Interlocked.Add(ref length <= MaxSmallLength ? ref _retainedSmall : ref _retainedLarge, -array.Length);
            return array;
        }

        return GC.AllocateUninitializedArray<byte>(length);
    }

    public void Return(byte[] array)
    {
        var length = array.Length;
        if (length < MinLength || LengthFor(length) != length)
        {
            return;
        }

        ref var retained = ref length <= MaxSmallLength ? ref _retainedSmall : ref _retainedLarge;
        var cap = length <= MaxSmallLength ? MaxRetainedSmallBytes : MaxRetainedLargeBytes;
        if (Interlocked.Add(ref retained, length) <= cap)
        {
            _buckets.GetOrAdd(length, _ => []).Add(array);
            return;
        }

        Interlocked.Add(ref retained, -length);
        if (length > MaxSmallLength && Interlocked.Add(ref _dropped, length) >= CollectAfterDroppedBytes)
        {
            // Large garbage piles up until a full collection; do not let it grow past a few arrays.
            Interlocked.Exchange(ref _dropped, 0);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        }
    }

    /// <summary>Drops every array held, so the next full collection can return their memory.</summary>
    public void Trim()
    {
        foreach (var (length, bucket) in _buckets)
        {
            while (bucket.TryTake(out var array))
            {
                Interlocked.Add(ref length <= MaxSmallLength ? ref _retainedSmall : ref _retainedLarge, -array.Length);
            }
        }
    }
}
