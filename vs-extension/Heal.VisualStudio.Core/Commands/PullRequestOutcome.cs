namespace Heal.VisualStudio.Core.Commands;

/// <summary>An opened pull request (number and URL), or why none was opened, as the user reads it.</summary>
public sealed record PullRequestOutcome(int Number, string? Url, string? Branch, string? Reason)
{
    public bool Opened => Url is not null;

    public static PullRequestOutcome Failed(string reason) => new(0, null, null, reason);
}
