using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Heal.Core.Model;
using Heal.Core.Sources;
using Heal.Feed.Sources;
using Heal.Feed.Store;
using Heal.Pipeline;
using Heal.Pipeline.Hosting;
using Heal.Repair.Linking;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// One workspace folder and the errors that concern it: the <see cref="HealHost"/> that composed its parts, the error
/// source it opened (the local store, a JSON-lines file or a Sentry-style backend), the store behind it when there is one
/// (for muting and incremental updates), one <see cref="FrameLinker"/> built once and reused for every group, and one
/// pipeline whose Roslyn workspaces stay warm between "Heal this error" requests.
/// </summary>
public sealed class HealWorkspace : IAsyncDisposable
{
    /// <summary>The most groups a snapshot holds, most recently seen first.</summary>
    public const int GroupLimit = 10_000;

    private readonly ErrorSourceConnection _connection;
    private readonly IErrorStore? _store;
    private readonly StoreErrorSource? _storeSource;
    private readonly Lazy<HealPipeline> _pipeline;

    private HealWorkspace(HealHost host, ErrorSourceConnection connection, FrameLinker linker)
    {
        Host = host;
        _connection = connection;
        _store = connection.Store;
        _storeSource = connection.Source as StoreErrorSource;
        _pipeline = new Lazy<HealPipeline>(host.CreatePipeline);
        Linker = linker;
    }

    public HealHost Host { get; }

    public string Root => Host.Options.Folder;

    /// <summary>Where the errors come from, for logs and event origins (never a token).</summary>
    public string Description => _connection.Description;

    /// <summary>Null when the store file does not exist (nothing recorded yet).</summary>
    public IErrorSource? Source => _connection.Source;

    public FrameLinker Linker { get; }

    /// <summary>Diagnose → validate → deliver for this workspace, made on the first request and kept warm.</summary>
    public HealPipeline Pipeline => _pipeline.Value;

    /// <summary>Opens the host's error source and indexes the workspace's files: I/O, so the server does it off the initialize path.</summary>
    public static HealWorkspace Open(HealHost host) =>
        new(host, host.OpenSource(), FrameLinker.ForRepository(host.Options.Folder));

    /// <summary>Every group (up to <see cref="GroupLimit"/>) with its latest event's frames linked.</summary>
    public async Task<ErrorSnapshot> LoadAsync(CancellationToken cancellationToken) =>
        ErrorSnapshot.Create(Link(await ReadAsync(cancellationToken).ConfigureAwait(false)), DateTimeOffset.UtcNow);

    /// <summary>
    /// Every group (up to <see cref="GroupLimit"/>), most recently seen first, with its latest event: one query for the
    /// store, a list then a few concurrent requests for the other sources.
    /// </summary>
    public async Task<IReadOnlyList<(ErrorGroup Group, ErrorEvent? Latest)>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            var rows = await _store.ListGroupsWithLatestEventAsync(GroupLimit, cancellationToken).ConfigureAwait(false);
            return rows.Select(r => (r.Group, r.Latest?.Event)).ToList();
        }

        if (Source is null)
        {
            return [];
        }

        var listed = await Source.ListGroupsAsync(GroupLimit, cancellationToken).ConfigureAwait(false);
        var latest = new ErrorEvent?[listed.Count];
        // A backend answers one group per request: a few at a time keeps within its rate limits.
        await Parallel.ForAsync(0, listed.Count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) => latest[i] = await Source.GetLatestEventAsync(listed[i].Id, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return listed.Select((g, i) => (g, latest[i])).ToList();
    }

    /// <summary>
    /// The groups (up to <see cref="GroupLimit"/>, ranked among all) whose latest event's raw JSON contains one of
    /// <paramref name="needles"/>, linked: a first pass over open files (<see cref="OpenDocumentsFirst"/>). Null for the
    /// sources other than the store, which cannot filter before parsing.
    /// </summary>
    public async Task<IReadOnlyList<ErrorEntry>?> LoadMentioningAsync(IReadOnlyList<byte[]> needles, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return null;
        }

        var rows = await _store.ListGroupsWithLatestEventAsync(GroupLimit, needles, cancellationToken).ConfigureAwait(false);
        return Link(rows.Select(r => (r.Group, r.Latest?.Event)).ToList());
    }

    /// <summary>
    /// The current entries of <paramref name="groupIds"/> (unknown ones left out), their groups read from the store in one
    /// query. A group's latest event is taken from <paramref name="known"/> when given (a follower's page already parsed
    /// it: each new event is read once), else read from the store.
    /// </summary>
    public async Task<IReadOnlyList<ErrorEntry>> LoadEntriesAsync(
        IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken, IReadOnlyDictionary<string, ErrorEvent>? known = null)
    {
        if (_store is null)
        {
            return [];
        }

        var groups = new List<(ErrorGroup, ErrorEvent?)>(groupIds.Count);
        foreach (var group in await _store.GetGroupsAsync(groupIds, cancellationToken).ConfigureAwait(false))
        {
            var latest = known?.GetValueOrDefault(group.Id) ?? await _store.GetLatestEventAsync(group.Id, cancellationToken).ConfigureAwait(false);
            groups.Add((group, latest));
        }

        return Link(groups);
    }

    /// <summary>Links each latest event's frames to workspace files, in parallel (the linker is thread-safe).</summary>
    public ErrorEntry[] Link(IReadOnlyList<(ErrorGroup Group, ErrorEvent? Latest)> groups)
    {
        var entries = new ErrorEntry[groups.Count];
        Parallel.For(0, groups.Count, i =>
        {
            var (group, latest) = groups[i];
            entries[i] = new ErrorEntry(group, latest, latest?.Culprit is { } culprit ? Linker.LinkAll(culprit) : ImmutableArray<LinkedFrame>.Empty);
        });
        return entries;
    }

    /// <summary>The store's newest row, read before the first load so <see cref="WatchAsync"/> misses nothing stored meanwhile.</summary>
    public Task<long> CursorAsync(CancellationToken cancellationToken) =>
        _store is null ? Task.FromResult(0L) : _store.GetLastCursorAsync(cancellationToken);

    /// <summary>
    /// What changed after <paramref name="cursor"/>, as it arrives: for the store, each new page's groups with the newest
    /// event the page holds for each (update just those, from events already parsed); for the other sources, null
    /// (reload everything).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, ErrorEvent>?> WatchAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_storeSource is not null)
        {
            await foreach (var page in _storeSource.WatchFromAsync(cursor, cancellationToken).ConfigureAwait(false))
            {
                // A page is in commit order: a group's last event in it is the newest of the group so far.
                var newest = new Dictionary<string, ErrorEvent>(StringComparer.Ordinal);
                foreach (var stored in page)
                {
                    newest[stored.GroupId] = stored.Event;
                }

                yield return newest;
            }
        }
        else if (Source is not null)
        {
            await foreach (var _ in Source.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return null;
            }
        }
    }

    /// <summary>Sets the group muted in the store; false when there is no store or no such group.</summary>
    public Task<bool> MuteAsync(string groupId, CancellationToken cancellationToken) =>
        _store is null ? Task.FromResult(false) : _store.SetStatusAsync(groupId, GroupStatus.Muted, cancellationToken);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
