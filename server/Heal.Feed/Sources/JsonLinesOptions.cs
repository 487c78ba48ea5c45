using Heal.Core.Model;

namespace Heal.Feed.Sources;

/// <summary>How a <see cref="JsonLinesErrorSource"/> reads its file.</summary>
public sealed record JsonLinesOptions
{
    public static JsonLinesOptions Default { get; } = new();

    /// <summary>
    /// Called for every line that could not be read (bad JSON, not an event, too long), with its line number, as the line
    /// is met; a watch and a listing may call it at the same time. Default: nothing; the problems are still kept in
    /// <see cref="JsonLinesErrorSource.Problems"/>.
    /// </summary>
    public Action<ParseProblem>? ReportProblem { get; init; }

    /// <summary>How often a watcher looks at the file when no change notification arrives (some file systems send none).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A longer line is skipped and reported. Sentry's own limit for one event is 1 MB.</summary>
    public int MaxLineBytes { get; init; } = 4 * 1024 * 1024;
}
