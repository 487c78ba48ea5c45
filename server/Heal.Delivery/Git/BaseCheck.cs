using System.Text.RegularExpressions;

namespace Heal.Delivery.Git;

/// <summary>
/// Delivery's own check of the commit a heal branch is parented on: a full commit id in the history of HEAD or of
/// origin's default branch. Validation chooses the base the same way; this check does not trust the report it is given,
/// so a stash, a fetched unreviewed branch or any commit outside the team's history can never be pushed under a heal branch.
/// </summary>
internal static partial class BaseCheck
{
    public static async Task EnsureTrustedAsync(string repository, string commit, CancellationToken cancellationToken)
    {
        if (!FullCommitId().IsMatch(commit))
        {
            throw new DeliveryException("the validated base is not a full commit id; nothing is committed");
        }

        var head = await GitProcess.RunAsync(repository, ["rev-parse", "--verify", "HEAD^{commit}"], null, null, cancellationToken);
        if (commit == head || await IsAncestorAsync(repository, commit, head, cancellationToken))
        {
            return;
        }

        var origin = await GitProcess.TryRunAsync(repository, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], cancellationToken);
        if (origin is { } name && name.StartsWith("refs/remotes/origin/", StringComparison.Ordinal) && await IsAncestorAsync(repository, commit, name, cancellationToken))
        {
            return;
        }

        throw new DeliveryException($"the validated base {commit[..12]} is not in the history of HEAD or of origin's default branch; nothing is committed");
    }

    private static async Task<bool> IsAncestorAsync(string repository, string commit, string descendant, CancellationToken cancellationToken) =>
        await GitProcess.TryRunAsync(repository, ["merge-base", "--is-ancestor", "--end-of-options", commit, descendant], cancellationToken) is not null;

    [GeneratedRegex("^(?:[0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex FullCommitId();
}
