namespace Heal.Feed.Store;

/// <summary>
/// How much a store holds: groups, the events kept and their bytes, and <paramref name="Seen"/>, every event ever counted
/// into a group (kept or since evicted by retention), which is what a count of acknowledged events compares with.
/// </summary>
public sealed record StoreStats(long Groups, long Events, long Bytes, long Seen);
