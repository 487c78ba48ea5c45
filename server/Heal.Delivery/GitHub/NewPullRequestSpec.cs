namespace Heal.Delivery.GitHub;

/// <param name="Repository">owner/name.</param>
public sealed record NewPullRequestSpec(string Repository, string Title, string Head, string Base, string Body, bool Draft);
