using System.Diagnostics;

namespace Heal.Feed.Tests.Fixtures;

/// <summary>The real <c>heal</c> CLI as a child process (<c>dotnet heal.dll …</c>), for tests that must kill or signal it.</summary>
public sealed class HealProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private int _killed;

    private HealProcess(Process process, Uri address, string dsn)
    {
        _process = process;
        Address = address;
        Dsn = dsn;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public Uri Address { get; }

    public string Dsn { get; }

    /// <summary>An HttpClient for this feed that sends the DSN's key, as an SDK would.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Sentry-Auth", $"Sentry sentry_key={new Uri(Dsn).UserInfo}, sentry_version=7");
        return client;
    }

    /// <summary>Starts <c>heal feed --listen 127.0.0.1:0 --store <paramref name="store"/></c> (the <c>--listen</c> of <paramref name="extra"/> when it has one) and waits (60 s at most) for its "listening on" line.</summary>
    public static async Task<HealProcess> StartFeedAsync(string store, params string[] extra)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "heal.dll"), "feed", .. extra.Contains("--listen") ? [] : (string[])["--listen", "127.0.0.1:0"], "--store", store, .. extra])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Uri? address = null;
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                var error = await process.StandardError.ReadToEndAsync(deadline.Token);
                throw new InvalidOperationException($"heal feed exited before listening: {error}");
            }

            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                address = new Uri(line["listening on ".Length..]);
            }
            else if (line.StartsWith("dsn ", StringComparison.Ordinal) && address is not null)
            {
                return new HealProcess(process, address, line["dsn ".Length..]);
            }
        }
    }

    /// <summary>SIGKILL: no flush, no cleanup, exactly what a crash or the OOM killer does.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0)
        {
            _process.Kill();
        }
    }

    /// <summary>SIGTERM, then waits for the exit (60 s at most) and returns the exit code and stderr.</summary>
    public async Task<(int ExitCode, string Stderr)> TerminateAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, kill.ExitCode);
        }

        await _process.WaitForExitAsync(deadline.Token);
        return (_process.ExitCode, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
