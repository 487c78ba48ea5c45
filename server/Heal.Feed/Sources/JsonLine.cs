namespace Heal.Feed.Sources;

/// <summary>One complete line of a JSON-lines file, without its line break.</summary>
/// <param name="Number">One-based line number in the file as it is now (it restarts at 1 after a truncation or rotation).</param>
internal readonly record struct JsonLine(long Number, string Text);
