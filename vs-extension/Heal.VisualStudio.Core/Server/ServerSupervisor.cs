using System;
using System.Threading.Tasks;

namespace Heal.VisualStudio.Core.Server;

/// <summary>
/// Owns the running <c>heal lsp</c>: starts it, tells a stop it asked for from a death, and decides with a
/// <see cref="RestartPolicy"/> whether a dead server comes back. The host acts on <see cref="Exited"/>: Visual Studio's
/// language client raises <c>StartAsync</c> so Visual Studio activates it again, the tests start a new session.
/// </summary>
public sealed class ServerSupervisor(RestartPolicy policy, Action<string> log, Func<DateTimeOffset> clock) : IDisposable
{
    private readonly object _gate = new();
    private ServerProcess? _current;
    private bool _stopping;

    /// <summary>Raised once per process that ended, after the decision to restart was made.</summary>
    public event Action<ServerExit>? Exited;

    public ServerProcess? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Starts a server with <paramref name="launch"/>, ending the previous one first.</summary>
    public ServerProcess Start(ServerLaunch launch)
    {
        Stop();
        log($"Starting the Heal language server: {launch}");
        var process = ServerProcess.Start(launch, log);
        lock (_gate)
        {
            _current = process;
            _stopping = false;
        }

        _ = WatchAsync(process);
        return process;
    }

    /// <summary>Ends the current server on purpose: its exit does not count as a crash and nothing restarts.</summary>
    public void Stop()
    {
        ServerProcess? process;
        lock (_gate)
        {
            process = _current;
            _stopping = true;
        }

        process?.Kill();
    }

    public void Dispose()
    {
        Stop();
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    private async Task WatchAsync(ServerProcess process)
    {
        var code = await process.Exited.ConfigureAwait(false);
        bool expected;
        lock (_gate)
        {
            expected = _stopping || !ReferenceEquals(_current, process);
            if (ReferenceEquals(_current, process))
            {
                _current = null;
            }
        }

        var restart = !expected && policy.OnCrash(clock());
        var message = expected
            ? $"Heal language server stopped (exit code {code})."
            : restart
                ? $"Heal language server exited unexpectedly (exit code {code}); restarting it."
                : $"Heal language server exited unexpectedly (exit code {code}) {policy.MaxCrashes} times within {policy.Window.TotalMinutes:0} minutes; not restarting it. Use Restart to try again.";
        log(message);
        process.Dispose();
        Exited?.Invoke(new ServerExit(process.Id, code, expected, restart, message));
    }
}
