namespace Heal.Cli;

/// <summary>A command line, or an input file it names, that cannot be used as written; exit code 2.</summary>
public sealed class UsageException(string message, string code = "usage") : CliException(code, message, ExitCodes.Usage);
