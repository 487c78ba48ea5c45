using Heal.Delivery.GitHub;

namespace Heal.Delivery;

/// <param name="Commit">The commit on <see cref="Branch"/> holding the patch (and its regression test).</param>
/// <param name="AutoMergeEnabled">True only when the policy allowed it and the host accepted the call.</param>
public sealed record DeliveryResult(
    string Branch,
    string Commit,
    bool Pushed,
    PullRequestRef? PullRequest,
    AutoMergeDecision AutoMerge,
    bool AutoMergeEnabled,
    string Body,
    string? BodyFile);
