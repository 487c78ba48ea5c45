using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Core.Sources;
using Heal.Feed.Sources;
using Heal.Feed.Store;
using Heal.Repair.Linking;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// One workspace folder and the errors that concern it: the error source, the store behind it (for muting), and one
/// <see cref="FrameLinker"/> built once and reused for every group.
/// </summary>
public sealed class HealWorkspace : IAsyncDisposable
{
    public const int GroupLimit = 500;

    private readonly SqliteErrorStore? _store;

    private HealWorkspace(string root, string storePath, SqliteErrorStore? store, FrameLinker linker)
    {
        Root = root;
        StorePath = storePath;
        _store = store;
        Source = store is null ? null : new StoreErrorSource(store);
        Linker = linker;
    }

    public string Root { get; }

    public string StorePath { get; }

    /// <summary>Null when the store file does not exist (nothing recorded yet).</summary>
    public IErrorSource? Source { get; }

    public FrameLinker Linker { get; }

    public static HealWorkspace Open(string root, string? storeOption)
    {
        var storePath = StoreLocation.Resolve(root, storeOption);
        var store = File.Exists(storePath) ? SqliteErrorStore.OpenExisting(storePath) : null;
        return new HealWorkspace(root, storePath, store, FrameLinker.ForRepository(root));
    }

    public async Task<ErrorSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        if (Source is null)
        {
            return ErrorSnapshot.Empty with { TakenAt = DateTimeOffset.UtcNow };
        }

        var groups = await Source.ListGroupsAsync(GroupLimit, cancellationToken).ConfigureAwait(false);
        var entries = ImmutableArray.CreateBuilder<ErrorEntry>(groups.Count);
        foreach (var group in groups)
        {
            var latest = await Source.GetLatestEventAsync(group.Id, cancellationToken).ConfigureAwait(false);
            var frames = latest?.Culprit is { } culprit ? Linker.LinkAll(culprit) : ImmutableArray<LinkedFrame>.Empty;
            entries.Add(new ErrorEntry(group, latest, frames));
        }

        return new ErrorSnapshot(entries.MoveToImmutable(), DateTimeOffset.UtcNow);
    }

    /// <summary>Sets the group muted in the store; false when there is no store or no such group.</summary>
    public Task<bool> MuteAsync(string groupId, CancellationToken cancellationToken) =>
        _store is null ? Task.FromResult(false) : _store.SetStatusAsync(groupId, GroupStatus.Muted, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
