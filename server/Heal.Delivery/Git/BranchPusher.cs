using LibGit2Sharp;

namespace Heal.Delivery.Git;

/// <summary>
/// Pushes one branch with LibGit2Sharp. The token comes from <c>HEAL_GITHUB_TOKEN</c>/<c>GITHUB_TOKEN</c> or git's
/// credential helper; it is handed to libgit2 only and never appears in messages or logs.
/// </summary>
public static class BranchPusher
{
    /// <summary>Pushes exactly <c>refs/heads/&lt;branch&gt;</c> (one explicit refspec, never a pattern or the current branch).</summary>
    public static void Push(string repository, string remote, string branch, GitCredentials credentials) =>
        Run(repository, remote, $"refs/heads/{branch}:refs/heads/{branch}", branch, credentials);

    /// <summary>Deletes <c>refs/heads/&lt;branch&gt;</c> on the remote (an empty source in the refspec).</summary>
    public static void Delete(string repository, string remote, string branch, GitCredentials credentials) =>
        Run(repository, remote, $":refs/heads/{branch}", branch, credentials);

    private static void Run(string repository, string remote, string refspec, string branch, GitCredentials credentials)
    {
        if (!branch.StartsWith("heal/", StringComparison.Ordinal))
        {
            throw new DeliveryException($"Heal pushes only heal/… branches, not '{branch}'");
        }

        using var repo = new Repository(repository);
        // A URL or path gets a short-lived remote entry in the repository's config (libgit2 pushes only to named
        // remotes); it is removed again below. The working tree and index are not involved.
        var temporary = LooksLikeUrlOrPath(remote);
        var target = temporary
            ? repo.Network.Remotes.Add("heal-push-" + Guid.NewGuid().ToString("N")[..8], remote)
            : repo.Network.Remotes[remote] ?? throw new DeliveryException($"no remote named '{remote}'");
        string? rejection = null;
        try
        {
            var options = new PushOptions
            {
                CredentialsProvider = (_, _, _) => credentials.ForLibGit2(),
                OnPushStatusError = error => rejection = error.Message,
            };
            repo.Network.Push(target, refspec, options);
        }
        catch (LibGit2SharpException e)
        {
            throw new DeliveryException($"push of {branch} to {Describe(remote)} failed: {credentials.Redact(e.Message)}", e);
        }
        finally
        {
            if (temporary)
            {
                repo.Network.Remotes.Remove(target.Name);
            }
        }

        if (rejection is not null)
        {
            throw new DeliveryException($"the remote rejected {branch}: {credentials.Redact(rejection)}");
        }
    }

    private static bool LooksLikeUrlOrPath(string remote) =>
        remote.Contains("://", StringComparison.Ordinal) || remote.StartsWith('/') || remote.StartsWith('.') || remote.Contains('@');

    /// <summary>A remote as shown to users: any user-info part of a URL is dropped.</summary>
    public static string Describe(string remote) =>
        Uri.TryCreate(remote, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo)
            ? remote.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal)
            : remote;
}
