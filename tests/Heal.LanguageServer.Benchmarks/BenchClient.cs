using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Heal.Testing;

namespace Heal.LanguageServer.Benchmarks;

/// <summary>
/// A minimal LSP client over a real <c>heal lsp</c> process that stamps every message on arrival, so latencies are
/// measured from the write of a request to the read of its answer. Server requests are answered with null.
/// </summary>
public sealed class BenchClient : IAsyncDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Task _reader;
    private readonly Task _stderr;
    private readonly object _gate = new();
    private readonly Dictionary<int, TaskCompletionSource<(JsonObject, long)>> _pending = [];
    private readonly List<(JsonObject Message, long At)> _notifications = [];
    private TaskCompletionSource _notified = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private BenchClient(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
        _stdin = process.StandardInput.BaseStream;
        _reader = Task.Run(ReadLoopAsync);
        // The server's log is dropped unless HEAL_BENCH_LOG is set; reading it keeps the pipe from filling.
        _stderr = process.StandardError.BaseStream.CopyToAsync(Environment.GetEnvironmentVariable("HEAL_BENCH_LOG") is null ? Stream.Null : Console.OpenStandardError());
    }

    public long StartedAt { get; }

    public int ProcessId => _process.Id;

    public static BenchClient Start(string healDll, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
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

        start.ArgumentList.Add(healDll);
        start.ArgumentList.Add("lsp");
        var startedAt = Stopwatch.GetTimestamp();
        return new BenchClient(Process.Start(start)!, startedAt);
    }

    /// <summary>Sends a request; returns the response and the timestamp it was read at.</summary>
    public async Task<(JsonObject Response, long At)> RequestAsync(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<(JsonObject, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = completion;
        }

        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await completion.Task.WaitAsync(s_deadline);
    }

    public void Notify(string method, JsonNode? parameters) =>
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>How many notifications arrived so far: pass it to <see cref="WaitAsync"/> to see only later ones.</summary>
    public int Mark
    {
        get
        {
            lock (_gate)
            {
                return _notifications.Count;
            }
        }
    }

    /// <summary>The first notification after <paramref name="mark"/> matching, its arrival timestamp and the mark after it.</summary>
    public async Task<(JsonObject Message, long At, int Next)> WaitAsync(int mark, string method, Func<JsonNode?, bool> match, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? s_deadline);
        var from = mark;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                for (; from < _notifications.Count; from++)
                {
                    var (message, at) = _notifications[from];
                    if ((string?)message["method"] == method && match(message["params"]))
                    {
                        return (message, at, from + 1);
                    }
                }

                signal = _notified.Task;
            }

            await signal.WaitAsync(deadline.Token);
        }
    }

    /// <summary>Every notification of <paramref name="method"/> so far, with arrival timestamps.</summary>
    public List<(JsonObject Message, long At)> Notifications(string method)
    {
        lock (_gate)
        {
            return _notifications.Where(n => (string?)n.Message["method"] == method).ToList();
        }
    }

    /// <summary>The process's peak resident set (VmHWM) in MiB, from /proc; 0 where that is unavailable.</summary>
    public double PeakMemoryMiB()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux, or the process is gone.
        }

        return 0;
    }

    public async Task ShutdownAsync()
    {
        await RequestAsync("shutdown", null);
        Notify("exit", null);
        await _process.WaitForExitAsync().WaitAsync(s_deadline);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        try
        {
            await _reader;
            await _stderr;
        }
        catch (IOException)
        {
            // The pipe closed under the reader.
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

    private Task ReadLoopAsync() =>
        LspFrames.ReadAsync(_process.StandardOutput.BaseStream, Dispatch, problem => throw new InvalidDataException("heal lsp wrote something other than a message: " + problem));

    private void Dispatch(JsonObject message, long at)
    {
        if (message["id"] is { } id && message["method"] is null)
        {
            TaskCompletionSource<(JsonObject, long)>? completion;
            lock (_gate)
            {
                _pending.Remove(id.GetValue<int>(), out completion);
            }

            completion?.TrySetResult((message, at));
            return;
        }

        if (message["id"] is { } requestId)
        {
            Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = null });
        }

        lock (_gate)
        {
            _notifications.Add((message, at));
            var notified = _notified;
            _notified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            notified.TrySetResult();
        }
    }
}
