using System.Text.RegularExpressions;

namespace Heal.Validation.Git;

/// <summary>
/// Chooses the commit a patch is validated on and committed onto. The event's release is attacker-writable data: it
/// may select a base only when it is the name of a tag (looked up as <c>refs/tags/&lt;release&gt;</c>, never through
/// git's ref guessing) or a full commit id, and the commit it resolves to is in the history of HEAD or of origin's
/// default branch (<c>refs/remotes/origin/HEAD</c>). Anything else — a stash, a remote or foreign ref, reflog or range
/// syntax, an option, a path, an abbreviated id, a tag on unreviewed work — validates on HEAD, and
/// <see cref="BaseChoice.Note"/> says why.
/// </summary>
public static partial class TrustedBase
{
    public static async Task<BaseChoice> ChooseAsync(string repository, string? release, CancellationToken cancellationToken)
    {
        var head = await GitCli.RunAsync(repository, ["rev-parse", "--verify", "HEAD^{commit}"], cancellationToken);
        if (string.IsNullOrEmpty(release))
        {
            return new BaseChoice(head, null);
        }

        var shown = Show(release);
        string? candidate;
        if (FullCommitId().IsMatch(release))
        {
            candidate = await ResolveAsync(repository, release, cancellationToken);
            if (candidate is null)
            {
                return new BaseChoice(head, $"release {shown} is not a commit of this repository; validated on HEAD");
            }
        }
        else if (TagName().IsMatch(release) && await IsTagNameAsync(repository, release, cancellationToken))
        {
            candidate = await ResolveAsync(repository, "refs/tags/" + release, cancellationToken);
            if (candidate is null)
            {
                return new BaseChoice(head, $"release {shown} is neither a tag nor a full commit id; validated on HEAD");
            }
        }
        else
        {
            return new BaseChoice(head, $"release {shown} is neither a tag nor a full commit id; validated on HEAD");
        }

        if (candidate == head || await IsAncestorAsync(repository, candidate, head, cancellationToken))
        {
            return new BaseChoice(candidate, null);
        }

        if (await OriginDefaultBranchAsync(repository, cancellationToken) is { } defaultBranch
            && await IsAncestorAsync(repository, candidate, defaultBranch, cancellationToken))
        {
            return new BaseChoice(candidate, null);
        }

        return new BaseChoice(head, $"release {shown} resolves to {candidate[..12]}, which is not in the history of HEAD or of origin's default branch; validated on HEAD");
    }

    /// <summary>True when <paramref name="commit"/> is a full id in the history of HEAD or of origin's default branch.</summary>
    public static async Task<bool> IsTrustedAsync(string repository, string commit, CancellationToken cancellationToken)
    {
        if (!FullCommitId().IsMatch(commit))
        {
            return false;
        }

        var head = await GitCli.RunAsync(repository, ["rev-parse", "--verify", "HEAD^{commit}"], cancellationToken);
        return commit == head
            || await IsAncestorAsync(repository, commit, head, cancellationToken)
            || (await OriginDefaultBranchAsync(repository, cancellationToken) is { } defaultBranch && await IsAncestorAsync(repository, commit, defaultBranch, cancellationToken));
    }

    private static async Task<string?> ResolveAsync(string repository, string revision, CancellationToken cancellationToken)
    {
        var result = await GitCli.TryRunAsync(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], cancellationToken);
        var commit = result.StandardOutput.Trim();
        return result.Succeeded && FullCommitId().IsMatch(commit) ? commit : null;
    }

    /// <summary>git's own rules for a ref name, on the full name so nothing can escape <c>refs/tags/</c>.</summary>
    private static async Task<bool> IsTagNameAsync(string repository, string release, CancellationToken cancellationToken) =>
        (await GitCli.TryRunAsync(repository, ["check-ref-format", "refs/tags/" + release], cancellationToken)).Succeeded;

    private static async Task<bool> IsAncestorAsync(string repository, string commit, string descendant, CancellationToken cancellationToken) =>
        (await GitCli.TryRunAsync(repository, ["merge-base", "--is-ancestor", "--end-of-options", commit, descendant], cancellationToken)).ExitCode == 0;

    /// <summary>The commit of origin's default branch, as the last fetch recorded it; null when the repository has no such ref.</summary>
    private static async Task<string?> OriginDefaultBranchAsync(string repository, CancellationToken cancellationToken)
    {
        var target = await GitCli.TryRunAsync(repository, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], cancellationToken);
        var name = target.StandardOutput.Trim();
        if (!target.Succeeded || !name.StartsWith("refs/remotes/origin/", StringComparison.Ordinal))
        {
            return null;
        }

        return await ResolveAsync(repository, name, cancellationToken);
    }

    /// <summary>The release as shown in a gate detail: quoted, control and format characters made visible, shortened.</summary>
    private static string Show(string release)
    {
        var visible = Core.Text.VisibleText.Escape(release);
        return "'" + (visible.Length > 80 ? visible[..80] + "…" : visible) + "'";
    }

    [GeneratedRegex("^(?:[0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex FullCommitId();

    /// <summary>A first filter before git's own check: no option, no revision syntax (<c>^ ~ : @{ ..</c>), no path.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._+@/-]{0,199}$")]
    private static partial Regex TagName();
}
