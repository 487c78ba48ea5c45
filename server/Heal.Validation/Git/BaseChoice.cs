namespace Heal.Validation.Git;

/// <summary>The commit to validate on, and why the event's release was not used when it was not (null when it was, or when there was none).</summary>
public sealed record BaseChoice(string Commit, string? Note);
