namespace Heal.Feed.Store;

/// <summary>Where a page of groups ends: the last group's last-seen time (Unix milliseconds) and id. The next page starts strictly after it.</summary>
public sealed record GroupPageCursor(long LastSeenMilliseconds, string GroupId);
