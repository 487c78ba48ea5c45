namespace Heal.Validation.Git;

/// <summary>The local git operations validation needs, through the <c>git</c> program. No remote is ever contacted.</summary>
public static class GitCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    public static async Task<string> RunAsync(string repository, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(repository, arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new GitException($"git {string.Join(' ', arguments)} failed: {result.Tail(5)}");
        }

        return result.StandardOutput.Trim();
    }

    public static Task<ProcessResult> TryRunAsync(string repository, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync("git", ["-C", repository, "-c", "core.hooksPath=/dev/null", .. arguments], repository, s_timeout, null, cancellationToken);
}
