namespace Heal.Delivery.Git;

/// <summary>
/// Commits a patch onto a new branch without touching the user's working tree or index: the patch is applied
/// to a private index file read from the base commit, written as a tree, committed, and the branch ref set.
/// </summary>
public static class BranchCommitter
{
    private static readonly IReadOnlyDictionary<string, string> s_identity = new Dictionary<string, string>
    {
        ["GIT_AUTHOR_NAME"] = "Heal",
        ["GIT_AUTHOR_EMAIL"] = "heal@localhost",
        ["GIT_COMMITTER_NAME"] = "Heal",
        ["GIT_COMMITTER_EMAIL"] = "heal@localhost",
    };

    /// <summary>
    /// The local <c>heal/…</c> branches of a group (<c>heal/&lt;short-id&gt;</c> and <c>heal/&lt;short-id&gt;-*</c>): a second run
    /// for the same group must say that one exists, never silently fork <c>heal/…-2</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> HealBranchesOfGroupAsync(string repository, string groupId, CancellationToken cancellationToken)
    {
        var prefix = BranchNaming.For(groupId, "", null);
        var listed = await GitProcess.RunAsync(repository, ["for-each-ref", "--format=%(refname:short)", "refs/heads/" + prefix, "refs/heads/" + prefix + "-*"], null, null, cancellationToken);
        return listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task<bool> BranchExistsAsync(string repository, string branch, CancellationToken cancellationToken)
    {
        try
        {
            await GitProcess.RunAsync(repository, ["rev-parse", "--verify", "--quiet", "refs/heads/" + branch], null, null, cancellationToken);
            return true;
        }
        catch (DeliveryException)
        {
            return false;
        }
    }

    public static async Task<string> CommitAsync(
        string repository, string baseCommit, string branch, IReadOnlyList<string> patches, string message, string workRoot, CancellationToken cancellationToken)
    {
        await BaseCheck.EnsureTrustedAsync(repository, baseCommit, cancellationToken);
        var indexFile = Path.Combine(workRoot, "index-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(indexFile)!);
        try
        {
            await GitProcess.RunAsync(repository, ["read-tree", baseCommit], indexFile, null, cancellationToken);
            foreach (var patch in patches)
            {
                await GitProcess.RunAsync(repository, ["apply", "--cached", "--whitespace=nowarn", "-"], indexFile, patch.EndsWith('\n') ? patch : patch + "\n", cancellationToken);
            }

            var tree = await GitProcess.RunAsync(repository, ["write-tree"], indexFile, null, cancellationToken);
            var commit = await GitProcess.RunAsync(repository, ["commit-tree", tree, "-p", baseCommit, "-F", "-"], indexFile, message, cancellationToken, s_identity);

            // The empty old value makes git refuse to move a branch that already exists (even one made a moment ago).
            try
            {
                await GitProcess.RunAsync(repository, ["update-ref", "refs/heads/" + branch, commit, ""], null, null, cancellationToken);
            }
            catch (DeliveryException)
            {
                if (await BranchExistsAsync(repository, branch, cancellationToken))
                {
                    throw new DeliveryException($"the branch '{branch}' already exists; Heal never moves an existing branch (review or delete it, then run again).");
                }

                throw;
            }

            return commit;
        }
        finally
        {
            File.Delete(indexFile);
        }
    }
}
