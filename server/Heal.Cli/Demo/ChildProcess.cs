using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Heal.Cli.Demo;

/// <summary>
/// Runs a program to completion and captures its output. A run that outlives its time limit or is cancelled is killed
/// with its whole process tree (CliWrap waits for it to exit before throwing), so nothing is left running.
/// </summary>
public static class ChildProcess
{
    /// <summary>Environment variables set by an enclosing MSBuild or test host that would mislead a nested <c>dotnet build</c>.</summary>
    private static readonly string[] s_inheritedBuildVariables = ["MSBuild", "MSBUILD", "VSTEST", "DOTNET_HOST_PATH"];

    public static async Task<ChildProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeLimit,
        CancellationToken cancellationToken)
    {
        var argumentList = arguments.ToList();
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => s_inheritedBuildVariables.Any(p => k.StartsWith(p, StringComparison.Ordinal))))
        {
            variables[name] = null;
        }

        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = CliWrap.Cli.Wrap(fileName)
            .WithArguments(argumentList)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(variables)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append(stdout, line), Encoding.UTF8))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Append(stderr, line), Encoding.UTF8))
            .WithValidation(CommandResultValidation.None);

        var stopwatch = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            var result = await command.ExecuteAsync(limit.Token).ConfigureAwait(false);
            return new ChildProcessResult(result.ExitCode, Text(stdout), Text(stderr), stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', argumentList)} did not finish within {timeLimit.TotalSeconds:0} s.");
        }
    }

    private static void Append(StringBuilder text, string line)
    {
        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
