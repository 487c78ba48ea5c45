using System.Diagnostics;
using System.Text;

namespace Heal.Validation;

/// <summary>
/// Runs a program with an argument list (never a shell string: nothing from an event can become a command),
/// captures its output bounded in size, and kills the whole process tree on timeout or cancellation.
/// </summary>
public static class ProcessRunner
{
    private const int MaxCapturedChars = 256 * 1024;

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                startInfo.Environment[key] = value;
            }
        }

        var stdout = new BoundedBuffer(MaxCapturedChars);
        var stderr = new BoundedBuffer(MaxCapturedChars);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => stdout.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }

        // WaitForExitAsync returns after the output streams reached end of file.
        return new ProcessResult(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut, stopwatch.Elapsed);
    }

    private sealed class BoundedBuffer(int capacity)
    {
        private readonly StringBuilder _builder = new();
        private bool _truncated;

        public void AppendLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_builder)
            {
                if (_builder.Length + line.Length + 1 > capacity)
                {
                    _truncated = true;
                    return;
                }

                _builder.Append(line).Append('\n');
            }
        }

        public override string ToString()
        {
            lock (_builder)
            {
                return _truncated ? _builder + "[output truncated]\n" : _builder.ToString();
            }
        }
    }
}
