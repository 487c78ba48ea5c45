namespace Heal.Feed.Store;

/// <summary>What one append did: events stored, duplicates ignored, events evicted by retention.</summary>
public sealed record AppendResult(int Stored, int Duplicates, int Evicted);
