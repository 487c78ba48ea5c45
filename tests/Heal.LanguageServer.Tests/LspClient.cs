using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Heal.Testing;

namespace Heal.LanguageServer.Tests;

/// <summary>
/// A minimal LSP client over the real <c>heal lsp</c> child process: raw Content-Length framing, so the test sees every
/// byte the server writes to stdout and can prove nothing else is there. Server requests are answered with null.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Task _reader;
    private readonly Task<string> _stderr;
    private readonly object _gate = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _pending = [];
    private readonly List<JsonObject> _notifications = [];
    private readonly List<string> _framingProblems = [];
    private TaskCompletionSource _notified = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _reader = Task.Run(ReadLoopAsync);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public IReadOnlyList<string> FramingProblems
    {
        get
        {
            lock (_gate)
            {
                return [.. _framingProblems];
            }
        }
    }

    public static LspClient Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heal.dll"));
        start.ArgumentList.Add("lsp");
        return new LspClient(Process.Start(start)!);
    }

    public Task<JsonObject> InitializeAsync(string root, string store, JsonObject? capabilities = null) =>
        InitializeAsync(root, new JsonObject { ["store"] = store }, capabilities);

    /// <summary>Sends initialize, then <paramref name="beforeInitialized"/> (opening files, say), then initialized.</summary>
    public async Task<JsonObject> InitializeAsync(string root, JsonObject initializationOptions, JsonObject? capabilities = null, Func<Task>? beforeInitialized = null)
    {
        var response = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(root).AbsoluteUri,
            ["capabilities"] = capabilities ?? new JsonObject(),
            ["initializationOptions"] = initializationOptions,
        });
        if (beforeInitialized is not null)
        {
            await beforeInitialized();
        }

        await NotifyAsync("initialized", new JsonObject());
        return response;
    }

    /// <summary>Sends a request and returns the whole response (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default)
    {
        var (_, response) = Send(method, parameters);
        return await response.WaitAsync(s_deadline, cancellationToken);
    }

    /// <summary>Sends a request without waiting, for cancellation tests.</summary>
    public (int Id, Task<JsonObject> Response) Send(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = completion;
        }

        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return (id, completion.Task);
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
    {
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });
        return Task.CompletedTask;
    }

    /// <summary>Writes bytes to the server's stdin as they are: attacks on the framing and the bodies.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        lock (_stdin)
        {
            _stdin.Write(bytes);
            _stdin.Flush();
        }
    }

    /// <summary>One frame around <paramref name="body"/> (any bytes), with a correct Content-Length.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> body) => LspFrames.Frame(body);

    /// <summary>
    /// Waits (60 s at most) for a message the client did not match to a request it sent: notifications, server requests,
    /// and responses with a null or unknown id. Includes ones already received.
    /// </summary>
    public async Task<JsonObject> WaitForMessageAsync(Func<JsonObject, bool> match)
    {
        using var deadline = new CancellationTokenSource(s_deadline);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                var found = _notifications.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                signal = _notified.Task;
            }

            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no message matched within {s_deadline.TotalSeconds} s");
            }
        }
    }

    /// <summary>Every message the client did not match to a request it sent, so far.</summary>
    public List<JsonObject> UnmatchedMessages()
    {
        lock (_gate)
        {
            return [.. _notifications];
        }
    }

    /// <summary>Waits (60 s at most) for a notification matching <paramref name="match"/>, including ones already received.</summary>
    public async Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonNode?, bool> match)
    {
        using var deadline = new CancellationTokenSource(s_deadline);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                var found = _notifications.FirstOrDefault(n => (string?)n["method"] == method && match(n["params"]));
                if (found is not null)
                {
                    return found;
                }

                signal = _notified.Task;
            }

            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {method} notification matched within {s_deadline.TotalSeconds} s; stderr so far is in the process log");
            }
        }
    }

    /// <summary>The latest publishDiagnostics for a URI, once one matching <paramref name="match"/> arrived.</summary>
    public async Task<JsonArray> DiagnosticsAsync(string uri, Func<JsonArray, bool> match)
    {
        var notification = await WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p?["uri"] == uri && match(p!["diagnostics"]!.AsArray()));
        return notification["params"]!["diagnostics"]!.AsArray();
    }

    public List<JsonObject> Notifications(string method)
    {
        lock (_gate)
        {
            return _notifications.Where(n => (string?)n["method"] == method).ToList();
        }
    }

    /// <summary>Closes stdin if needed and waits for the exit; returns the code and stderr.</summary>
    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(s_deadline);
        await _process.WaitForExitAsync(deadline.Token);
        await _reader;
        return (_process.ExitCode, await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Write(JsonObject message)
    {
        var frame = LspFrames.Frame(message);
        lock (_stdin)
        {
            _stdin.Write(frame);
            _stdin.Flush();
        }
    }

    private async Task ReadLoopAsync()
    {
        await LspFrames.ReadAsync(_process.StandardOutput.BaseStream, (message, _) => Dispatch(message), Problem);
        FailPending();
    }

    private void Dispatch(JsonObject message)
    {
        if (message["id"] is JsonValue id && message["method"] is null && id.TryGetValue<int>(out var number))
        {
            TaskCompletionSource<JsonObject>? completion;
            lock (_gate)
            {
                _pending.Remove(number, out completion);
            }

            if (completion is not null)
            {
                completion.TrySetResult(message);
                return;
            }
        }

        if (message["id"] is { } requestId && message["method"] is not null)
        {
            Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = null });
        }

        // Notifications, server requests and responses with a null or unknown id are kept for the test.
        lock (_gate)
        {
            _notifications.Add(message);
            var notified = _notified;
            _notified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            notified.TrySetResult();
        }
    }

    /// <summary>The server closed stdout (it exited): no pending request can be answered any more, so fail them now.</summary>
    private void FailPending()
    {
        lock (_gate)
        {
            foreach (var completion in _pending.Values)
            {
                completion.TrySetException(new IOException("the server closed stdout before answering (it exited)"));
            }

            _pending.Clear();
        }
    }

    private void Problem(string text)
    {
        lock (_gate)
        {
            _framingProblems.Add(text);
        }
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
