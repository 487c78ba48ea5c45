namespace Heal.Delivery;

/// <param name="Url">github.com or a GitHub Enterprise base URL.</param>
/// <param name="Repository">OWNER/NAME.</param>
/// <param name="BaseBranch">The branch to merge into; null means the repository's current branch.</param>
public sealed record PullRequestTarget(Uri Url, string Repository, string? BaseBranch = null);
