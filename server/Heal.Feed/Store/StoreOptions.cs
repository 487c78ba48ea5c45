namespace Heal.Feed.Store;

/// <summary>How a store keeps events.</summary>
/// <param name="MaxEventsPerGroup">Events kept per group; older ones are evicted (the group's count still counts them).</param>
/// <param name="MaxTotalBytes">Total raw event bytes kept; the oldest events of the whole store are evicted first.</param>
/// <param name="Synchronous">
/// SQLite's <c>synchronous</c> setting. <see cref="StoreSynchronous.Normal"/> (the default) with WAL makes a committed
/// transaction survive the process being killed (the WAL write is in the kernel before COMMIT returns) but not a power
/// loss or kernel crash, which may lose the last commits (never corrupt the file). <see cref="StoreSynchronous.Full"/>
/// fsyncs the WAL at each commit and survives power loss too; with group commit that is one fsync per batch.
/// </param>
public sealed record StoreOptions(
    int MaxEventsPerGroup = StoreOptions.DefaultMaxEventsPerGroup,
    long MaxTotalBytes = StoreOptions.DefaultMaxTotalBytes,
    StoreSynchronous Synchronous = StoreSynchronous.Normal)
{
    public const int DefaultMaxEventsPerGroup = 100;

    public const long DefaultMaxTotalBytes = 1L << 30;

    public static StoreOptions Default { get; } = new();
}
