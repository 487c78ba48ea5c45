using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Heal.LanguageServer.Fuzz;

/// <summary>
/// One real <c>heal lsp</c> process driven with raw bytes. Reads every message the server writes (strictly: anything on
/// stdout that is not a well-framed JSON message is counted as bad output), answers server requests with null, counts
/// responses by kind, and keeps stderr's tail for the report.
/// </summary>
public sealed class FuzzServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Task _reader;
    private readonly Task _errors;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _pings = new();
    private readonly ConcurrentQueue<string> _stderrTail = new();

    private FuzzServer(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _reader = Task.Run(ReadLoopAsync);
        _errors = Task.Run(StderrLoopAsync);
    }

    /// <summary>Responses and notifications by kind: "result", "error -32700", "notification textDocument/publishDiagnostics", ...</summary>
    public ConcurrentDictionary<string, long> Received { get; } = new();

    private long _badOutput;
    private long _internalErrorLogLines;

    /// <summary>Bytes on stdout that were not a well-framed JSON message (must stay 0).</summary>
    public long BadOutput => Interlocked.Read(ref _badOutput);

    /// <summary>stderr lines of a handler failing with an exception (the client only saw "internal error").</summary>
    public long InternalErrorLogLines => Interlocked.Read(ref _internalErrorLogLines);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IEnumerable<string> StderrTail => _stderrTail;

    public static FuzzServer Start(string healDll, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(healDll);
        start.ArgumentList.Add("lsp");
        return new FuzzServer(Process.Start(start)!);
    }

    /// <summary>Writes bytes as they are; false when the server is gone (its stdin closed).</summary>
    public bool Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _stdin.Write(bytes);
            _stdin.Flush();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static byte[] Frame(string json) => Frame(Encoding.UTF8.GetBytes(json));

    public static byte[] Frame(ReadOnlySpan<byte> body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    /// <summary>
    /// Sends a well-formed request and waits for its answer: the liveness check after every burst of mutated input. A mutated
    /// frame may legitimately swallow the bytes after it (a header without its empty line, say), so an unanswered ping is sent
    /// again, with a new id, every few seconds; only silence for the whole <paramref name="timeout"/> counts as a hang.
    /// </summary>
    public async Task<(bool Answered, int Attempts)> PingAsync(string method, string parameters, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var attempts = 0;
        var waiting = new List<Task<JsonObject>>();
        while (deadline.Elapsed < timeout && !_process.HasExited)
        {
            attempts++;
            var id = "ping-" + Guid.NewGuid().ToString("N")[..12];
            var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pings[id] = completion;
            waiting.Add(completion.Task);
            if (!Write(Frame($$"""{"jsonrpc":"2.0","id":"{{id}}","method":"{{method}}","params":{{parameters}}}""")))
            {
                break;
            }

            var wait = TimeSpan.FromSeconds(Math.Min(3, Math.Max(0.1, (timeout - deadline.Elapsed).TotalSeconds)));
            var any = Task.WhenAny(waiting);
            if (await Task.WhenAny(any, Task.Delay(wait)) == any)
            {
                return (true, attempts);
            }
        }

        return (false, attempts);
    }

    /// <summary>Sends a request with a string id and waits for its response (the capture of the corpus uses it).</summary>
    public async Task<JsonObject> RequestAsync(string id, string method, JsonNode? parameters, TimeSpan timeout)
    {
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = completion;
        Write(Frame(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString()));
        return await completion.Task.WaitAsync(timeout);
    }

    /// <summary>The latest non-empty diagnostics published for each URI.</summary>
    public ConcurrentDictionary<string, JsonArray> Diagnostics { get; } = new();

    /// <summary>The process's peak resident set (VmHWM) in MiB; 0 once it is gone.</summary>
    public double PeakMemoryMiB()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Gone.
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await Task.WhenAll(_reader, _errors).WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var stdout = _process.StandardOutput.BaseStream;
        var buffer = new List<byte>();
        var chunk = new byte[1 << 16];
        try
        {
            while (true)
            {
                var read = await stdout.ReadAsync(chunk);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTake(buffer) is { } body)
                {
                    Dispatch(body);
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }
    }

    /// <summary>One message body from the start of <paramref name="buffer"/>, strictly framed; null when more is needed.</summary>
    private byte[]? TryTake(List<byte> buffer)
    {
        var bytes = buffer.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (bytes.Length > 0 && !"Content-Length: "u8.StartsWith(bytes.AsSpan(0, Math.Min(bytes.Length, 16))))
            {
                Interlocked.Increment(ref _badOutput);
                buffer.Clear();
            }

            return null;
        }

        var header = Encoding.ASCII.GetString(bytes, 0, end);
        if (!header.StartsWith("Content-Length: ", StringComparison.Ordinal) || header.Contains("\r\n", StringComparison.Ordinal)
            || !int.TryParse(header["Content-Length: ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            Interlocked.Increment(ref _badOutput);
            buffer.Clear();
            return null;
        }

        if (bytes.Length < end + 4 + length)
        {
            return null;
        }

        buffer.RemoveRange(0, end + 4 + length);
        return bytes[(end + 4)..(end + 4 + length)];
    }

    private void Dispatch(byte[] body)
    {
        JsonObject message;
        try
        {
            message = JsonNode.Parse(body)!.AsObject();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            Interlocked.Increment(ref _badOutput);
            return;
        }

        var method = (string?)message["method"];
        var kind = method is not null
            ? (message.ContainsKey("id") ? "server request " : "notification ") + method
            : message["error"] is { } error ? "error " + error["code"] : "result";
        Received.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (method == "textDocument/publishDiagnostics" && message["params"]?["diagnostics"] is JsonArray { Count: > 0 } published
            && (string?)message["params"]!["uri"] is { } uri)
        {
            Diagnostics[uri] = published;
        }

        if (method is not null && message["id"] is { } requestId)
        {
            Write(Frame(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = null }.ToJsonString()));
        }
        else if (method is null && message["id"] is JsonValue id && id.TryGetValue<string>(out var text) && _pings.TryRemove(text, out var ping))
        {
            ping.TrySetResult(message);
        }
    }

    private async Task StderrLoopAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.Contains(" failed: ", StringComparison.Ordinal) || line.Contains("Unhandled exception", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _internalErrorLogLines);
            }

            _stderrTail.Enqueue(line);
            if (_stderrTail.Count > 200)
            {
                _stderrTail.TryDequeue(out _);
            }
        }
    }
}
