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
/// files carry published diagnostics. Handlers reach Heal through it; the queue decides when they run. The follower
/// (loading and live updates) and the publisher are in partial files of their own.
/// </summary>
public sealed partial class ServerSession(IClient client, RequestQueue queue, TextWriter log) : IAsyncDisposable
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
