using Heal.Core.Model;

namespace Heal.Cli;

/// <summary>Reads a Sentry event JSON file given on the command line; anything unreadable is a usage error naming the file.</summary>
public static class EventFile
{
    public static async Task<ErrorEvent> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read the event file '{path}': {e.Message}");
        }

        var parsed = ErrorEvent.FromSentryJson(text);
        if (parsed.Value is null)
        {
            var problems = parsed.Problems.IsDefaultOrEmpty ? "no event found" : string.Join("; ", parsed.Problems.Take(3));
            throw new UsageException($"the event file '{path}' is not a Sentry event: {problems}");
        }

        return parsed.Value;
    }
}
