using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Heal.Feed.Tests.Processes;

/// <summary>
/// The real <c>heal feed</c> CLI as a child process (<c>dotnet heal.dll feed --listen 127.0.0.1:0 --store FILE</c>), with the
/// DSN it printed. <see cref="StopAsync"/> sends SIGTERM, as a service manager would.
/// </summary>
internal sealed class HealFeedProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output;

    private HealFeedProcess(Process process, StringBuilder output, string dsn)
    {
        _process = process;
        _output = output;
        Dsn = dsn;
    }

    public string Dsn { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HealFeedProcess> StartAsync(string storePath, IReadOnlyDictionary<string, string?> environment, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(Heal.Cli.Demo.DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[RepositoryPaths.HealDll, "feed", "--listen", "127.0.0.1:0", "--store", storePath])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var dsn = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            if (e.Data?.StartsWith("dsn ", StringComparison.Ordinal) == true)
            {
                dsn.TrySetResult(e.Data[4..].Trim());
            }
        };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Exited += (_, _) => dsn.TrySetException(new InvalidOperationException($"heal feed exited before printing its DSN:\n{Text(output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new HealFeedProcess(process, output, await dsn.Task.WaitAsync(deadline));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM and returns the exit code; kills the process when it has not exited by <paramref name="deadline"/>.</summary>
    public async Task<int> StopAsync(TimeSpan deadline)
    {
        if (!_process.HasExited)
        {
            Assert.Equal(0, Kill(_process.Id, SigTerm));
            try
            {
                await _process.WaitForExitAsync().WaitAsync(deadline);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"heal feed did not exit within {deadline.TotalSeconds:0} s of SIGTERM:\n{Output}");
            }
        }

        return _process.ExitCode;
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

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
