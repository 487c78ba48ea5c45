using Heal.Core.Model;

namespace Heal.Feed.Store;

/// <summary>
/// Error groups and their events, kept by <c>heal feed</c> and read by everything else: one SQLite file
/// (<see cref="SqliteErrorStore"/>, the embedded default) or a PostgreSQL database (<see cref="PostgresErrorStore"/>, which
/// several feed instances may share). Both behave the same: the same migrations-on-open, retention, statuses and counts,
/// checked by one test suite run against each. Open one with <see cref="ErrorStores"/>.
/// </summary>
public interface IErrorStore : IAsyncDisposable
{
    /// <summary>Where the store is, for messages: a file path, or a PostgreSQL URL without its password.</summary>
    string Location { get; }

    /// <summary>
    /// Appends a batch in one transaction: each new event is inserted and counted in its group; an id already stored is
    /// ignored (idempotent resend); a new event on a resolved group makes it regressed; then retention evicts the oldest
    /// events beyond the caps. Returns after COMMIT, never before.
    /// </summary>
    Task<AppendResult> AppendAsync(IReadOnlyList<NewEvent> batch, CancellationToken cancellationToken);

    /// <summary>Groups, most recently seen first.</summary>
    Task<IReadOnlyList<ErrorGroup>> ListGroupsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// One page of groups in the order of <see cref="ListGroupsAsync"/> (last seen descending, then id), only those with
    /// one of <paramref name="statuses"/> (all when empty), strictly after <paramref name="after"/> when given.
    /// </summary>
    Task<IReadOnlyList<ErrorGroup>> ListGroupsPageAsync(IReadOnlyCollection<GroupStatus> statuses, GroupPageCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Groups, most recently seen first, each with its most recently received event kept, in one query.</summary>
    Task<IReadOnlyList<GroupWithLatestEvent>> ListGroupsWithLatestEventAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The same, keeping only groups whose latest event's raw JSON contains one of <paramref name="needles"/> (bytes, compared
    /// as stored), when any are given: a cheap first cut, before any JSON is parsed, for the groups that may concern one
    /// file (the language server's open files). Groups are ranked among all groups first, so <paramref name="limit"/> means
    /// the same as without needles.
    /// </summary>
    Task<IReadOnlyList<GroupWithLatestEvent>> ListGroupsWithLatestEventAsync(int limit, IReadOnlyList<byte[]> needles, CancellationToken cancellationToken);

    Task<ErrorGroup?> GetGroupAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>The groups of <paramref name="groupIds"/> that exist, in one query (unknown ids left out; any order).</summary>
    Task<IReadOnlyList<ErrorGroup>> GetGroupsAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken);

    /// <summary>The group's most recently received event kept, re-parsed from its raw JSON; null when none.</summary>
    Task<ErrorEvent?> GetLatestEventAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>The group's most recently received event kept, with its cursor and whether its sender was authenticated.</summary>
    Task<StoredEvent?> GetLatestStoredEventAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>The group's most recently received event kept, as the raw JSON received (UTF-8) and when; null when none.</summary>
    Task<(byte[] RawJson, DateTimeOffset ReceivedAt)?> GetLatestRawEventAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>Events stored after <paramref name="cursor"/> (0 for the start), in commit order.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAfterAsync(long cursor, int limit, CancellationToken cancellationToken);

    /// <summary>The cursor of the newest event stored (0 when empty): a follower starting now reads after it.</summary>
    Task<long> GetLastCursorAsync(CancellationToken cancellationToken);

    /// <summary>Sets a group's status; false when the group is unknown.</summary>
    Task<bool> SetStatusAsync(string groupId, GroupStatus status, CancellationToken cancellationToken);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>Gives back caches the store refills as it works (the feed calls it when idle); nothing by default.</summary>
    Task ReleaseMemoryAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
