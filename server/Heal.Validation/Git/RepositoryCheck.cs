namespace Heal.Validation.Git;

/// <summary>
/// What must hold of the user's repository before Heal can validate a patch in it (and, to push, deliver from it), checked
/// before any work starts so the user gets one precise message instead of a git error halfway through.
/// </summary>
public static class RepositoryCheck
{
    /// <summary>Null when the repository can be used; else a stable code and a message that says what to do.</summary>
    public static async Task<(string Code, string Message)?> FindProblemAsync(string root, bool willPush, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            return ("repo-not-found", $"'{root}' is not a directory.");
        }

        var inside = await GitCli.TryRunAsync(root, ["rev-parse", "--is-inside-work-tree", "--is-bare-repository"], cancellationToken);
        if (!inside.Succeeded)
        {
            return ("not-a-git-repository", $"'{root}' is not a git repository: Heal validates every patch in a git worktree. Run 'git init' and commit your code first.");
        }

        var answers = inside.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (answers.Length >= 2 && answers[1] == "true")
        {
            return ("bare-repository", $"'{root}' is a bare repository (no working tree): give a clone with the code checked out.");
        }

        if (answers.Length >= 1 && answers[0] != "true")
        {
            return ("not-a-git-repository", $"'{root}' is inside a git directory, not a working tree: give the folder with the code checked out.");
        }

        if (!(await GitCli.TryRunAsync(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cancellationToken)).Succeeded)
        {
            return ("no-commits", $"the repository at '{root}' has no commits yet: commit your code first (Heal validates patches against a commit).");
        }

        if (willPush && !(await GitCli.TryRunAsync(root, ["symbolic-ref", "--quiet", "HEAD"], cancellationToken)).Succeeded)
        {
            return ("detached-head", "HEAD is detached, so there is no branch to open the fix against: check out the branch the fix belongs on first.");
        }

        return null;
    }
}
