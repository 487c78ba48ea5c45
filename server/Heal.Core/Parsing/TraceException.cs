using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>An exception being read from pasted text; frames are collected in the order the text lists them.</summary>
internal sealed class TraceException(string type, string? value)
{
    public string Type { get; } = type;

    public string? Value { get; set; } = value;

    public string? Module { get; init; }

    /// <summary>Frames as the text lists them; <see cref="ToInfo"/> turns them into Sentry order.</summary>
    public List<StackFrame> Frames { get; } = [];

    public void AppendMessageLine(string line)
    {
        var combined = Value is null ? line : Value + "\n" + line;
        Value = combined.Length > SentryEventJson.MaxStringLength ? combined[..SentryEventJson.MaxStringLength] : combined;
    }

    /// <param name="innermostFirst">True when the text lists the throwing frame first (.NET, Java, Node, Go, Ruby).</param>
    public ExceptionInfo ToInfo(bool innermostFirst, string location, ProblemList problems)
    {
        IEnumerable<StackFrame> ordered = innermostFirst ? Enumerable.Reverse(Frames) : Frames;
        var frames = ordered.ToList();
        var limit = SentryEventJson.MaxFramesNearCrash + SentryEventJson.MaxFramesOutermost;
        if (frames.Count > limit)
        {
            problems.Add(location, $"The stack trace has {frames.Count} frames; {frames.Count - limit} were dropped, keeping the first {SentryEventJson.MaxFramesOutermost} and the {SentryEventJson.MaxFramesNearCrash} nearest the crash.");
            frames = [.. frames.Take(SentryEventJson.MaxFramesOutermost), .. frames.TakeLast(SentryEventJson.MaxFramesNearCrash)];
        }

        return new ExceptionInfo(Type, Value, Module, null, frames.ToImmutableArray());
    }

    /// <summary>Sentry order for a chain, innermost cause first; keeps both ends when it is too long.</summary>
    public static ImmutableArray<ExceptionInfo> Chain(IReadOnlyList<ExceptionInfo> innermostFirst, ProblemList problems)
    {
        if (innermostFirst.Count <= SentryEventJson.MaxExceptions)
        {
            return innermostFirst.ToImmutableArray();
        }

        problems.Add("chain", $"The chain has {innermostFirst.Count} exceptions; {innermostFirst.Count - SentryEventJson.MaxExceptions} in the middle were dropped.");
        return [.. innermostFirst.Take(SentryEventJson.MaxExceptions - 1), innermostFirst[^1]];
    }

    /// <summary>The path as reported; also the absolute path when it is rooted (Unix, Windows drive or UNC).</summary>
    public static (string? File, string? AbsolutePath) SplitPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, null);
        }

        path = path.Trim();
        var rooted = path.StartsWith('/') || path.StartsWith(@"\\", StringComparison.Ordinal)
            || (path.Length > 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/');
        return (path, rooted ? path : null);
    }
}
