using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Heal.Delivery.Git;

/// <summary>Runs local git plumbing with an argument list (never a shell string) and an optional private index file.</summary>
internal static class GitProcess
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static async Task<string> RunAsync(string repository, IReadOnlyList<string> arguments, string? indexFile, string? standardInput, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunCoreAsync(repository, arguments, indexFile, standardInput, environment, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new DeliveryException($"git {arguments[0]} failed: {result.StandardError.Trim()}");
        }

        return result.StandardOutput.Trim();
    }

    /// <summary>The trimmed output when git exits with 0, else null (a question whose answer is "no", like <c>merge-base --is-ancestor</c>).</summary>
    public static async Task<string?> TryRunAsync(string repository, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await RunCoreAsync(repository, arguments, null, null, null, cancellationToken);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    /// <summary>Runs git to completion; cancellation kills it (and anything it started) before the exception.</summary>
    internal static async Task<BufferedCommandResult> RunCoreAsync(
        string repository, IReadOnlyList<string> arguments, string? indexFile, string? standardInput, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["GIT_TERMINAL_PROMPT"] = "0" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        if (indexFile is not null)
        {
            variables["GIT_INDEX_FILE"] = indexFile;
        }

        return await Cli.Wrap("git")
            .WithArguments(["-C", repository, .. arguments])
            .WithWorkingDirectory(repository)
            .WithEnvironmentVariables(variables)
            .WithStandardInputPipe(standardInput is null ? PipeSource.Null : PipeSource.FromString(standardInput, s_utf8))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(s_utf8, cancellationToken);
    }
}
