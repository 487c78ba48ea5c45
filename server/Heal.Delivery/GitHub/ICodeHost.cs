namespace Heal.Delivery.GitHub;

/// <summary>The one seam to a code host. The real implementation is <see cref="GitHubCodeHost"/> (github.com or Enterprise).</summary>
public interface ICodeHost
{
    Task<PullRequestRef> CreatePullRequestAsync(NewPullRequestSpec spec, CancellationToken cancellationToken);

    Task AddLabelsAsync(PullRequestRef pullRequest, IReadOnlyList<string> labels, CancellationToken cancellationToken);

    /// <summary>GitHub's GraphQL <c>enablePullRequestAutoMerge</c>: the host merges once required checks pass.</summary>
    Task EnableAutoMergeAsync(PullRequestRef pullRequest, CancellationToken cancellationToken);
}
