using System.Runtime.CompilerServices;
using Heal.Core.Model;
using Heal.Core.Sources;
using Heal.Feed.Store;

namespace Heal.Feed.Sources;

/// <summary>
/// Reads errors from the store that <c>heal feed</c> writes (SQLite or PostgreSQL). <see cref="WatchAsync"/> polls for rows after the
/// newest one it has seen: a short poll on an indexed cursor costs microseconds and works the same on both engines
/// (PostgreSQL could notify, but a poll needs no open connection per follower).
/// </summary>
public sealed class StoreErrorSource(IErrorStore store, TimeSpan? pollInterval = null) : IErrorSource
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(200);

    private const int PageSize = 256;

    private readonly TimeSpan _pollInterval = pollInterval ?? DefaultPollInterval;

    public string Name => $"store:{store.Location}";

    public Task<IReadOnlyList<ErrorGroup>> ListGroupsAsync(int limit, CancellationToken cancellationToken) =>
        store.ListGroupsAsync(limit, cancellationToken);

    public Task<ErrorEvent?> GetLatestEventAsync(string groupId, CancellationToken cancellationToken) =>
        store.GetLatestEventAsync(groupId, cancellationToken);

    public async IAsyncEnumerable<ErrorEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long cursor;
        try
        {
            cursor = await store.GetLastCursorAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            yield break;
        }

        await foreach (var page in WatchFromAsync(cursor, cancellationToken).ConfigureAwait(false))
        {
            foreach (var stored in page)
            {
                yield return stored.Event;
            }
        }
    }

    /// <summary>
    /// The events stored after <paramref name="cursor"/> (from <see cref="IErrorStore.GetLastCursorAsync"/>, taken
    /// before a load, so nothing stored meanwhile is missed), one page at a time as they are read: a follower updates
    /// only the groups a page touches instead of reloading everything. Ends when <paramref name="cancellationToken"/> is
    /// cancelled.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<StoredEvent>> WatchFromAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_pollInterval);
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<StoredEvent> page;
            try
            {
                page = await store.GetEventsAfterAsync(cursor, PageSize, cancellationToken).ConfigureAwait(false);
                if (page.Count == 0 && !await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            if (page.Count > 0)
            {
                cursor = page[^1].Cursor;
                yield return page;
            }
        }
    }
}
