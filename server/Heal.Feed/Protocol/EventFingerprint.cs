namespace Heal.Feed.Protocol;

/// <summary>The grouping key of an event as the feed stores it.</summary>
public sealed record EventFingerprint(string Hash, string GroupId, string Basis);
