namespace Heal.LanguageServer.Protocol;

/// <summary>Result of <c>heal/openPullRequest</c>: the pull request opened for the validated patch, and its branch.</summary>
public sealed record HealOpenPullRequestResult(int Number, string Url, string Branch, double Confidence);
