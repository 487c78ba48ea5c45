using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// The real <c>heal feed</c> CLI as a child process, so the load generator and the feed never share a process: started with
/// <c>--listen 127.0.0.1:0</c>, read back its address and DSN key, sample its resident memory from <c>/proc</c>, stop it
/// with SIGTERM (it commits what is queued and exits).
/// </summary>
public sealed class FeedChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _peakRss;

    /// <param name="stderr">The builder the process's standard error keeps being appended to (locked while appending).</param>
    private FeedChild(Process process, Uri address, string? key, StringBuilder stderr)
    {
        _process = process;
        _stderr = stderr;
        Address = address;
        Key = key;
        _sampler = Task.Run(SampleAsync);
    }

    public Uri Address { get; }

    /// <summary>The DSN key the feed printed; null when it runs with <c>--no-key</c>.</summary>
    public string? Key { get; }

    public int ProcessId => _process.Id;

    /// <summary>Largest resident set seen by the 20 ms sampler, or the kernel's high-water mark when larger.</summary>
    public long PeakRss => Math.Max(Interlocked.Read(ref _peakRss), ReadStatus("VmHWM"));

    public long Rss => ReadStatus("VmRSS");

    /// <summary>The feed's CPU time so far (user + system), from /proc/PID/stat.</summary>
    public TimeSpan Cpu
    {
        get
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(ticks / 100.0);
            }
            catch (IOException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet heal.dll feed --listen 127.0.0.1:0 --store <paramref name="store"/> …</c>; <paramref name="extra"/> are more options.</summary>
    public static async Task<FeedChild> StartAsync(string store, IEnumerable<string> extra, IReadOnlyDictionary<string, string>? environment = null)
    {
        var healDll = Path.Combine(AppContext.BaseDirectory, "heal.dll");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[healDll, "feed", "--listen", "127.0.0.1:0", "--store", store, .. extra])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start heal feed");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.Append(e.Data).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        Uri? address = null;
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                await process.WaitForExitAsync(deadline.Token);
                throw new InvalidOperationException($"heal feed exited ({process.ExitCode}) before printing its DSN: {stderr}");
            }

            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                address = new Uri(line["listening on ".Length..]);
            }
            else if (line.StartsWith("dsn ", StringComparison.Ordinal) && address is not null)
            {
                var dsn = new Uri(line["dsn ".Length..]);
                var key = dsn.UserInfo.Length > 0 ? dsn.UserInfo : null;
                // The same builder the error handler appends to: what the feed prints when it stops (its counters) must
                // reach Stderr too, not only what it printed before its DSN.
                var child = new FeedChild(process, address, key, stderr);

                // Keep draining stdout so the child never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return child;
            }
        }
    }

    /// <summary>SIGTERM and wait; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        await _sampling.CancelAsync();
        await _sampler;
        _process.Dispose();
        _sampling.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_sampling.IsCancellationRequested)
        {
            var rss = ReadStatus("VmRSS");
            if (rss > Interlocked.Read(ref _peakRss))
            {
                Interlocked.Exchange(ref _peakRss, rss);
            }

            try
            {
                await Task.Delay(20, _sampling.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>A <c>/proc/PID/status</c> field in bytes (0 once the process is gone).</summary>
    private long ReadStatus(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kib = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
