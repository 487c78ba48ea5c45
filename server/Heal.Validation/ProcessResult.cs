namespace Heal.Validation;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The last <paramref name="maxLines"/> lines of stdout and stderr, for one-line details and retry feedback.</summary>
    public string Tail(int maxLines)
    {
        var lines = (StandardOutput + StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - maxLines)));
    }
}
