using System.Text.Json;
using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Documents;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer;

/// <summary>
/// The server's state for one connection: open documents, the workspace and its current error snapshot, and which
/// files carry published diagnostics. Handlers reach Heal through it; the queue decides when they run.
/// </summary>
public sealed class ServerSession(IClient client, RequestQueue queue, TextWriter log) : IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<bool> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ErrorSnapshot _snapshot = ErrorSnapshot.Empty;
    private HashSet<string> _published = new(StringComparer.Ordinal);
    private Task _watch = Task.CompletedTask;

    public IClient Client => client;

    public RequestQueue Queue => queue;

    public DocumentStore Documents { get; } = new();

    public HealWorkspace? Workspace { get; private set; }

    public ErrorSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public bool Initialized { get; private set; }

    public bool ShutdownRequested { get; set; }

    /// <summary>Client capabilities as sent in <c>initialize</c>.</summary>
    public JsonElement? ClientCapabilities { get; private set; }

    public string Trace { get; set; } = "off";

    /// <summary>Completes with true when <c>exit</c> arrives after <c>shutdown</c>, false when it arrives without one.</summary>
    public Task<bool> Exited => _exited.Task;

    public CancellationToken Lifetime => _lifetime.Token;

    public void Initialize(HealWorkspace workspace, JsonElement? capabilities)
    {
        Workspace = workspace;
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

    /// <summary>Reloads the errors and re-publishes every file's diagnostics. Runs as a mutation.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Workspace is null)
        {
            return;
        }

        Volatile.Write(ref _snapshot, await Workspace.LoadAsync(cancellationToken).ConfigureAwait(false));
        await PublishAsync().ConfigureAwait(false);
    }

    /// <summary>Publishes diagnostics for every affected file, open or not, and clears files that no longer have any.</summary>
    public async Task PublishAsync()
    {
        if (Workspace is null)
        {
            return;
        }

        var diagnostics = ProtocolConversion.ToDiagnostics(Snapshot, Workspace.Root, TextOf, DateTimeOffset.UtcNow);
        foreach (var (uri, list) in diagnostics.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, list)).ConfigureAwait(false);
        }

        foreach (var stale in _published.Where(u => !diagnostics.ContainsKey(u)).Order(StringComparer.Ordinal))
        {
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(stale, [])).ConfigureAwait(false);
        }

        _published = diagnostics.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Re-publishes one file (its ranges follow the edited text); files without Heal diagnostics get nothing.</summary>
    public async Task PublishFileAsync(string uri)
    {
        if (Workspace is null || !_published.Contains(uri))
        {
            return;
        }

        var diagnostics = ProtocolConversion.ToDiagnostics(Snapshot, Workspace.Root, TextOf, DateTimeOffset.UtcNow);
        await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, diagnostics.GetValueOrDefault(uri) ?? [])).ConfigureAwait(false);
    }

    /// <summary>Follows the error source: each new event refreshes the snapshot through the queue, as a mutation.</summary>
    public void StartWatching()
    {
        if (Workspace?.Source is not { } source)
        {
            return;
        }

        _watch = Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in source.WatchAsync(Lifetime).ConfigureAwait(false))
                {
                    await queue.Enqueue(RequestKind.Mutating, async ct => { await RefreshAsync(ct).ConfigureAwait(false); return true; }, Lifetime).ConfigureAwait(false);
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
        try
        {
            await _watch.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled on purpose.
        }

        if (Workspace is not null)
        {
            await Workspace.DisposeAsync().ConfigureAwait(false);
        }

        _lifetime.Dispose();
    }
}
