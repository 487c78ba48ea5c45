namespace Heal.Cli;

/// <summary>
/// An error the command reports to the user: a stable <see cref="Code"/> (shown in JSON output and in the README's
/// error table), a message that says what to do, and the exit code.
/// </summary>
public class CliException(string code, string message, int exitCode = ExitCodes.Internal) : Exception(message)
{
    public string Code { get; } = code;

    public int ExitCode { get; } = exitCode;
}
