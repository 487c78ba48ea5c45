using LibGit2Sharp;

namespace Heal.Delivery.Git;

/// <summary>A token for pushes and the code host. <see cref="ToString"/> never shows it.</summary>
public sealed class GitCredentials
{
    private readonly string? _token;

    private GitCredentials(string? token, string source)
    {
        _token = string.IsNullOrEmpty(token) ? null : token;
        Source = source;
    }

    public static GitCredentials None { get; } = new(null, "none");

    public bool HasToken => _token is not null;

    /// <summary>Where the token came from (<c>HEAL_GITHUB_TOKEN</c>, <c>GITHUB_TOKEN</c>, <c>git credential</c>, <c>none</c>).</summary>
    public string Source { get; }

    public static GitCredentials FromToken(string? token, string source) => new(token, source);

    /// <summary><c>HEAL_GITHUB_TOKEN</c>, else <c>GITHUB_TOKEN</c>, else none.</summary>
    public static GitCredentials FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        foreach (var name in new[] { "HEAL_GITHUB_TOKEN", "GITHUB_TOKEN" })
        {
            if (getEnvironmentVariable(name) is { Length: > 0 } token)
            {
                return new GitCredentials(token, name);
            }
        }

        return None;
    }

    /// <summary>Asks git's configured credential helper for a host (<c>git credential fill</c>), without prompting.</summary>
    public static async Task<GitCredentials> FromCredentialHelperAsync(string repository, Uri remote, CancellationToken cancellationToken)
    {
        var result = await GitProcess.RunCoreAsync(
            repository, ["credential", "fill"], null, $"protocol={remote.Scheme}\nhost={remote.Authority}\n\n",
            new Dictionary<string, string> { ["GIT_ASKPASS"] = "true" }, cancellationToken);
        var output = result.StandardOutput;
        var password = output.Split('\n').FirstOrDefault(l => l.StartsWith("password=", StringComparison.Ordinal))?["password=".Length..];
        return result.ExitCode == 0 && password is { Length: > 0 } ? new GitCredentials(password, "git credential") : None;
    }

    internal Credentials ForLibGit2() =>
        _token is null ? new DefaultCredentials() : new UsernamePasswordCredentials { Username = "x-access-token", Password = _token };

    /// <summary>The token for an HTTP API client; only the code-host adapter calls this.</summary>
    internal string? RevealForHttp() => _token;

    /// <summary>Removes the token from a message that a library may have built from a URL or header.</summary>
    public string Redact(string message) =>
        _token is null ? message : message.Replace(_token, "***", StringComparison.Ordinal);

    public override string ToString() => HasToken ? $"token from {Source} (hidden)" : "no token";
}
