namespace Heal.Delivery.GitHub;

/// <param name="NodeId">GraphQL node id, needed for auto-merge.</param>
public sealed record PullRequestRef(string Repository, int Number, string Url, string NodeId);
