using System.Diagnostics;
using System.Text.Json;
using Heal.Core.Model;
using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Documents;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Handlers.Heal;
using Heal.LanguageServer.Protocol;
using Heal.Pipeline;
using Heal.Pipeline.Hosting;

namespace Heal.LanguageServer;

/// <summary>The follower: the first load (open files first), then live updates from the source, each installed as a mutation.</summary>
public sealed partial class ServerSession
{
    /// <summary>
    /// Opens the error source and loads the first snapshot in the background, reporting through <c>$/progress</c>; then,
    /// as a mutation, installs it and publishes every affected file, and starts following the source. Editing never
    /// waits for it. Meanwhile the open files come first (<see cref="OpenDocumentsFirst"/>): each gets its errors from a
    /// first pass over the few groups that name it, and the full load links its chunks only when no such pass waits. Only
    /// the first call loads (a client that sends <c>initialized</c> again starts nothing more).
    /// </summary>
    public void StartLoading()
    {
        if (Interlocked.Exchange(ref _loadStarted, 1) == 1)
        {
            return;
        }

        _load = Task.Run(async () =>
        {
            var firstPasses = Task.CompletedTask;
            try
            {
                var opening = Stopwatch.StartNew();
                await using var progress = await WorkDoneProgress.StartAsync(this, null, "Heal: loading errors", Lifetime).ConfigureAwait(false);
                var workspace = HealWorkspace.Open(new HealHost(_sourceOptions.ToHealOptions(Root, Environment.GetEnvironmentVariable)));
                Workspace = workspace;
                await LogAsync($"heal: errors from {workspace.Description}, workspace {Root}").ConfigureAwait(false);
                // Follow the source from before the load, so an event stored while loading is not missed.
                var cursor = await workspace.CursorAsync(Lifetime).ConfigureAwait(false);
                var clock = Stopwatch.StartNew();
                foreach (var uri in Documents.Snapshot.Keys)
                {
                    RequestFirstPass(uri);
                }

                firstPasses = _openFirst.RunAsync(workspace.LoadMentioningAsync, InstallFirstPassAsync, LogAsync, Lifetime);
                await LogAsync($"heal: workspace and store opened in {opening.ElapsedMilliseconds} ms").ConfigureAwait(false);
                await _openFirst.IdleAsync().WaitAsync(Lifetime).ConfigureAwait(false);
                var first = clock.ElapsedMilliseconds;
                progress.Report(new HealProgress("read", "reading errors from " + workspace.Description, 0));
                var groups = await workspace.ReadAsync(Lifetime).ConfigureAwait(false);
                var read = clock.ElapsedMilliseconds;
                progress.Report(new HealProgress("link", $"linking the frames of {groups.Count} groups", 40));
                var snapshot = ErrorSnapshot.Create(await LinkGivingWayAsync(workspace, groups).ConfigureAwait(false), DateTimeOffset.UtcNow);
                var linked = clock.ElapsedMilliseconds;
                progress.Report(new HealProgress("publish", $"{snapshot.Entries.Length} groups in {snapshot.Files.Count()} files", 80));
                await queue.Enqueue(RequestKind.Mutating, async _ =>
                {
                    Volatile.Write(ref _snapshot, snapshot);
                    _openFirst.Close();
                    _loaded.TrySetResult();
                    await PublishAsync().ConfigureAwait(false);
                    RefreshCodeLenses();
                    return true;
                }, Lifetime).ConfigureAwait(false);
                await LogAsync($"heal: open files' errors first in {first} ms; {snapshot.Entries.Length} groups read in {read - first} ms, linked in {linked - read} ms, published in {clock.ElapsedMilliseconds - linked} ms").ConfigureAwait(false);
                StartWatching(workspace, cursor);
            }
            catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
            {
                // Exit.
            }
            catch (Exception e)
            {
                await LogAsync($"heal: cannot load errors: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            }
            finally
            {
                _openFirst.Close();
                _loaded.TrySetResult();
                await firstPasses.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Links the whole store in chunks, letting first passes over open files run before each chunk.</summary>
    private async Task<List<ErrorEntry>> LinkGivingWayAsync(HealWorkspace workspace, IReadOnlyList<(ErrorGroup Group, ErrorEvent? Latest)> groups)
    {
        const int Chunk = 128;
        var entries = new List<ErrorEntry>(groups.Count);
        for (var i = 0; i < groups.Count; i += Chunk)
        {
            await _openFirst.IdleAsync().WaitAsync(Lifetime).ConfigureAwait(false);
            entries.AddRange(workspace.Link(groups.Skip(i).Take(Chunk).ToList()));
        }

        return entries;
    }

    private void RequestFirstPass(string uri)
    {
        if (ProtocolConversion.RelativePathOf(Root, uri) is { } file)
        {
            _openFirst.Request(file);
        }
    }

    /// <summary>
    /// As a mutation: adds a first pass's entries to the snapshot (until the full one is in) and publishes its files, whose
    /// diagnostics are now complete.
    /// </summary>
    private Task InstallFirstPassAsync(IReadOnlyList<string> files, IReadOnlyList<ErrorEntry> entries) =>
        queue.Enqueue(RequestKind.Mutating, async _ =>
        {
            if (Loaded.IsCompleted)
            {
                return true;
            }

            Volatile.Write(ref _snapshot, Snapshot.With(entries, HealWorkspace.GroupLimit, DateTimeOffset.UtcNow));
            _firstPassFiles.UnionWith(files);
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                await PublishFileAsync(FileUri.FromPath(Path.Combine(Root, file))).ConfigureAwait(false);
            }

            RefreshCodeLenses();
            return true;
        }, Lifetime);

    /// <summary>Reloads every group and re-publishes every file's diagnostics. Runs as a mutation.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Workspace is not { } workspace)
        {
            return;
        }

        Volatile.Write(ref _snapshot, await workspace.LoadAsync(cancellationToken).ConfigureAwait(false));
        await PublishAsync().ConfigureAwait(false);
        RefreshCodeLenses();
    }

    /// <summary>
    /// Re-reads <paramref name="groupIds"/> from the store (their latest events from <paramref name="known"/> when a
    /// follower's page holds them) and re-publishes only the files their frames linked to before or link to now. Runs as
    /// a mutation.
    /// </summary>
    public async Task UpdateGroupsAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken, IReadOnlyDictionary<string, ErrorEvent>? known = null)
    {
        if (Workspace is not { } workspace)
        {
            return;
        }

        var before = Snapshot;
        var entries = await workspace.LoadEntriesAsync(groupIds, cancellationToken, known).ConfigureAwait(false);
        var after = before.With(entries, HealWorkspace.GroupLimit, DateTimeOffset.UtcNow);
        Volatile.Write(ref _snapshot, after);
        var files = groupIds.SelectMany(id => FilesOf(before.Find(id)).Concat(FilesOf(after.Find(id)))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            await PublishFileAsync(FileUri.FromPath(Path.Combine(Root, file))).ConfigureAwait(false);
        }

        RefreshCodeLenses();
    }

    /// <summary>
    /// Follows the error source. New store events update just their groups, page by page; the other sources' events
    /// reload everything, coalesced so at most one reload waits in the queue. Each runs through the queue as a mutation.
    /// </summary>
    private void StartWatching(HealWorkspace workspace, long cursor)
    {
        _watch = Task.Run(async () =>
        {
            try
            {
                await foreach (var changed in workspace.WatchAsync(cursor, Lifetime).ConfigureAwait(false))
                {
                    if (changed is not null)
                    {
                        await queue.Enqueue(RequestKind.Mutating, async ct => { await UpdateGroupsAsync([.. changed.Keys], ct, changed).ConfigureAwait(false); return true; }, Lifetime).ConfigureAwait(false);
                    }
                    else if (Interlocked.Exchange(ref _reloadPending, 1) == 0)
                    {
                        _ = queue.Enqueue(RequestKind.Mutating, async ct =>
                        {
                            Volatile.Write(ref _reloadPending, 0);
                            await RefreshAsync(ct).ConfigureAwait(false);
                            return true;
                        }, Lifetime);
                    }
                }
            }
            catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
            {
                // Exit.
            }
            catch (Exception e)
            {
                await LogAsync($"heal: live updates stopped: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            }
        });
    }
}
