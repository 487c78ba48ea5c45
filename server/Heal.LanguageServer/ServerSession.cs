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

/// <summary>
/// The server's state for one connection: open documents, the workspace and its current error snapshot, and which
/// files carry published diagnostics. Handlers reach Heal through it; the queue decides when they run.
/// </summary>
public sealed class ServerSession(IClient client, RequestQueue queue, TextWriter log) : IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<bool> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private readonly OpenDocumentsFirst _openFirst = new();
    private readonly HashSet<string> _firstPassFiles = new(StringComparer.Ordinal);
    private ErrorSnapshot _snapshot = ErrorSnapshot.Empty;
    private ErrorSourceOptions _sourceOptions = ErrorSourceOptions.Default;
    private Task _load = Task.CompletedTask;
    private Task _watch = Task.CompletedTask;
    private int _reloadPending;
    private int _loadStarted;

    public IClient Client => client;

    public RequestQueue Queue => queue;

    public DocumentStore Documents { get; } = new();

    /// <summary>The workspace folder, known from <c>initialize</c>.</summary>
    public string Root { get; private set; } = "";

    /// <summary>Where pull requests go unless a request says otherwise, from <c>initializationOptions.codeHost</c>.</summary>
    public CodeHostOptions CodeHost { get; private set; } = CodeHostOptions.None;

    /// <summary>The opened error source and linker; null until the first load has opened them (or when opening failed).</summary>
    public HealWorkspace? Workspace { get; private set; }

    public ErrorSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Completes once the first snapshot is in place (or its load failed): requests that name a group wait for it.</summary>
    public Task Loaded => _loaded.Task;

    public bool Initialized { get; private set; }

    public bool ShutdownRequested { get; set; }

    /// <summary>Client capabilities as sent in <c>initialize</c>.</summary>
    public JsonElement? ClientCapabilities { get; private set; }

    public string Trace { get; set; } = "off";

    /// <summary>Completes with true when <c>exit</c> arrives after <c>shutdown</c>, false when it arrives without one.</summary>
    public Task<bool> Exited => _exited.Task;

    public CancellationToken Lifetime => _lifetime.Token;

    /// <summary>Records the workspace and where its errors are; opens nothing, so <c>initialize</c> answers at once.</summary>
    public void Initialize(string root, ErrorSourceOptions sourceOptions, CodeHostOptions codeHost, JsonElement? capabilities)
    {
        Root = root;
        CodeHost = codeHost;
        _sourceOptions = sourceOptions;
        ClientCapabilities = capabilities;
        Initialized = true;
    }

    public void Exit() => _exited.TrySetResult(ShutdownRequested);

    /// <summary>The text of a file URI: the open document's when open, else the file on disk, else null.</summary>
    public string? TextOf(string uri)
    {
        if (Documents.Snapshot.TryGetValue(uri, out var document))
        {
            return document.Text;
        }

        var path = FileUri.ToPath(uri);
        try
        {
            return path is not null && File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

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
    /// Asks the client to request code lenses again (<c>workspace/codeLens/refresh</c>): an editor asks for them when a
    /// file opens, which may be before the first load, and their counts change with every new event. Only when the
    /// client declares <c>workspace.codeLens.refreshSupport</c>. The request is sent here, inside the mutation, so it is
    /// written before any message the server sends after the mutation (StreamJsonRpc writes in call order); its answer
    /// is never awaited, so a mutation cannot stall on the editor.
    /// </summary>
    private void RefreshCodeLenses()
    {
        if (!ClientSupportsCodeLensRefresh(ClientCapabilities))
        {
            return;
        }

        _ = ObserveRefreshAsync(client.RequestAsync("workspace/codeLens/refresh", null!, Lifetime));
    }

    private async Task ObserveRefreshAsync(Task<JsonElement?> answer)
    {
        try
        {
            await answer.ConfigureAwait(false);
        }
        catch (Exception e) when (!Lifetime.IsCancellationRequested)
        {
            await LogAsync($"heal: workspace/codeLens/refresh failed: {e.Message}").ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Exiting: nothing to refresh.
        }
    }

    private static bool ClientSupportsCodeLensRefresh(JsonElement? capabilities) =>
        capabilities is { ValueKind: JsonValueKind.Object } c
        && c.TryGetProperty("workspace", out var workspace) && workspace.ValueKind == JsonValueKind.Object
        && workspace.TryGetProperty("codeLens", out var codeLens) && codeLens.ValueKind == JsonValueKind.Object
        && codeLens.TryGetProperty("refreshSupport", out var refresh) && refresh.ValueKind == JsonValueKind.True;

    private static IEnumerable<string> FilesOf(ErrorEntry? entry) =>
        entry is null || entry.Frames.IsDefaultOrEmpty ? [] : entry.Frames.Select(f => f.RelativePath);

    /// <summary>Publishes diagnostics for every affected file, open or not, and clears files that no longer have any.</summary>
    public async Task PublishAsync()
    {
        var diagnostics = ProtocolConversion.ToDiagnostics(Snapshot, Root, TextOf, DateTimeOffset.UtcNow);
        foreach (var (uri, list) in diagnostics.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, list)).ConfigureAwait(false);
        }

        foreach (var stale in _published.Where(u => !diagnostics.ContainsKey(u)).Order(StringComparer.Ordinal).ToList())
        {
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(stale, [])).ConfigureAwait(false);
            _published.Remove(stale);
        }

        _published.UnionWith(diagnostics.Keys);
    }

    /// <summary>
    /// Re-publishes one file from the snapshot's index (its ranges follow the open text); a file that never had Heal
    /// diagnostics and has none now gets nothing. Runs as a mutation.
    /// </summary>
    public async Task PublishFileAsync(string uri)
    {
        // Until the whole store is in, a file is published only once a first pass has completed its errors (else it would
        // show some of them); asking for it here is how a file the editor opens during the load gets one.
        if (!Loaded.IsCompleted && ProtocolConversion.RelativePathOf(Root, uri) is { } file && !_firstPassFiles.Contains(file))
        {
            _openFirst.Request(file);
            return;
        }

        var diagnostics = ProtocolConversion.ToFileDiagnostics(Snapshot, Root, uri, TextOf, DateTimeOffset.UtcNow);
        if (diagnostics.Count == 0 && !_published.Remove(uri))
        {
            return;
        }

        if (diagnostics.Count > 0)
        {
            _published.Add(uri);
        }

        await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, diagnostics)).ConfigureAwait(false);
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

    /// <summary>Logs go to stderr and, once initialised, to the editor's output (<c>window/logMessage</c>); never to stdout.</summary>
    public async Task LogAsync(string message)
    {
        await log.WriteLineAsync(message).ConfigureAwait(false);
        if (Initialized)
        {
            await client.NotifyAsync("window/logMessage", new LogMessageParams(3, message)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _load, _watch })
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Cancelled on purpose.
            }
        }

        if (Workspace is not null)
        {
            await Workspace.DisposeAsync().ConfigureAwait(false);
        }

        _lifetime.Dispose();
    }
}
