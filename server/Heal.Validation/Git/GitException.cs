namespace Heal.Validation.Git;

public sealed class GitException(string message) : Exception(message);
