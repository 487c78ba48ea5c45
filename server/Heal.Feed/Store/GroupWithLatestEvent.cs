using Heal.Core.Model;

namespace Heal.Feed.Store;

/// <summary>A group and its most recently received event kept; <paramref name="Latest"/> is null when none is kept or it no longer parses.</summary>
public sealed record GroupWithLatestEvent(ErrorGroup Group, StoredEvent? Latest);
