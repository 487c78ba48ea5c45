namespace Heal.Feed.Store;

/// <summary>How much a store holds.</summary>
public sealed record StoreStats(long Groups, long Events, long Bytes);
