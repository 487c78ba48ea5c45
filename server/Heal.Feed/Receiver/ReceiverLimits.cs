namespace Heal.Feed.Receiver;

/// <summary>
/// The receiver's bounds. Every one is enforced while the body streams in, so an oversized or decompression-bomb
/// request costs at most the limit, and memory stays bounded under overload: past the queue bounds the receiver
/// answers 429 with <c>Retry-After</c> instead of buffering.
/// </summary>
/// <param name="MaxCompressedBytes">Largest request body as sent (413 beyond). Sentry's own limit for envelopes is 20 MiB.</param>
/// <param name="MaxDecompressedBytes">Largest body after Content-Encoding is undone (413 beyond): the decompression-bomb guard.</param>
/// <param name="MaxQueuedRequests">Requests parsed and waiting for the writer (429 beyond).</param>
/// <param name="MaxInFlightBytes">Estimated bytes held by requests being read, parsed or waiting to commit (429 beyond).</param>
/// <param name="MaxBatchEvents">Most events the writer commits in one transaction.</param>
/// <param name="RetryAfterSeconds">What a 429 tells the SDK to wait.</param>
public sealed record ReceiverLimits(
    long MaxCompressedBytes = ReceiverLimits.DefaultMaxBodyBytes,
    long MaxDecompressedBytes = ReceiverLimits.DefaultMaxBodyBytes,
    int MaxQueuedRequests = 1024,
    long MaxInFlightBytes = 256L << 20,
    int MaxBatchEvents = 1024,
    int RetryAfterSeconds = 1)
{
    /// <summary>20 MiB, compressed and decompressed alike.</summary>
    public const long DefaultMaxBodyBytes = 20L << 20;

    public static ReceiverLimits Default { get; } = new();
}
