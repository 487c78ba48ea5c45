using System.Diagnostics;

namespace Heal.Delivery.Git;

/// <summary>Runs local git plumbing with an argument list (never a shell string) and an optional private index file.</summary>
internal static class GitProcess
{
    public static async Task<string> RunAsync(string repository, IReadOnlyList<string> arguments, string? indexFile, string? standardInput, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, stdout, stderr) = await RunCoreAsync(repository, arguments, indexFile, standardInput, environment, cancellationToken);
        if (exitCode != 0)
        {
            throw new DeliveryException($"git {arguments[0]} failed: {stderr.Trim()}");
        }

        return stdout.Trim();
    }

    /// <summary>The trimmed output when git exits with 0, else null (a question whose answer is "no", like <c>merge-base --is-ancestor</c>).</summary>
    public static async Task<string?> TryRunAsync(string repository, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, stdout, _) = await RunCoreAsync(repository, arguments, null, null, null, cancellationToken);
        return exitCode == 0 ? stdout.Trim() : null;
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunCoreAsync(
        string repository, IReadOnlyList<string> arguments, string? indexFile, string? standardInput, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-C");
        startInfo.ArgumentList.Add(repository);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        if (indexFile is not null)
        {
            startInfo.Environment["GIT_INDEX_FILE"] = indexFile;
        }

        using var process = Process.Start(startInfo) ?? throw new DeliveryException("could not start git");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
