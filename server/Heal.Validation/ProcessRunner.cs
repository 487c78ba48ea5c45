using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Heal.Validation;

/// <summary>
/// Runs a program with an argument list (never a shell string: nothing from an event can become a command),
/// captures its output bounded in size, and kills the whole process tree on timeout or cancellation.
/// </summary>
/// <remarks>
/// CliWrap starts the process synchronously on the calling thread (so <see cref="Sandbox.BubblewrapSandbox"/>'s own
/// thread stays bwrap's parent), closes standard input, kills the entire process tree when the token fires and waits for
/// the process to exit before it throws.
/// </remarks>
public static class ProcessRunner
{
    private const int MaxCapturedChars = 256 * 1024;
    private static readonly string[] s_inheritedBuildVariables = ["MSBuild", "MSBUILD", "VSTEST", "DOTNET_HOST_PATH"];

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken)
    {
        var stdout = new BoundedBuffer(MaxCapturedChars);
        var stderr = new BoundedBuffer(MaxCapturedChars);
        var command = Cli.Wrap(fileName)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(Environment(environment))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(stdout.AppendLine, Encoding.UTF8))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(stderr.AppendLine, Encoding.UTF8))
            .WithValidation(CommandResultValidation.None);

        var stopwatch = Stopwatch.StartNew();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            // The result comes after the output pipes reached end of file.
            var result = await command.ExecuteAsync(timeoutSource.Token);
            return new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString(), false, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // CliWrap killed the whole tree and waited for it to exit before throwing.
            return new ProcessResult(-1, stdout.ToString(), stderr.ToString(), true, stopwatch.Elapsed);
        }
    }

    /// <summary>
    /// Variables set by an enclosing MSBuild or test host (Heal may run inside <c>dotnet test</c>) would point a nested
    /// <c>dotnet build</c> at the wrong MSBuild: they are removed (a null value), then Heal's own are set.
    /// </summary>
    private static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (s_inheritedBuildVariables.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                variables[name] = null;
            }
        }

        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        variables["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        variables["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        return variables;
    }

    private sealed class BoundedBuffer(int capacity)
    {
        private readonly StringBuilder _builder = new();
        private bool _truncated;

        public void AppendLine(string line)
        {
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
