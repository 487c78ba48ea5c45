namespace Heal.Cli;

/// <summary>A command line that cannot be run as written; reported with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
