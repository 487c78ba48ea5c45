using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads a stack trace pasted by a person (.NET, Node, Python, Java, Go or Ruby) into an <see cref="ErrorEvent"/>.
/// Detects the language from the text, never throws, and fails with a problem when it finds no trace at all.
/// </summary>
/// <remarks>
/// Pasted text carries no time, release or event id: the timestamp is the Unix epoch and the id is derived from the
/// text, so pasting the same trace twice gives the same event.
/// </remarks>
public static class StackTraceText
{
    public const int MaxTextLength = 1024 * 1024;
    public const int MaxLineLength = 4096;

    private static readonly (string Platform, Func<IReadOnlyList<string>, int> Score, Func<IReadOnlyList<string>, ProblemList, IReadOnlyList<ExceptionInfo>> Parse)[] Parsers =
    [
        ("python", PythonTraceParser.Score, PythonTraceParser.Parse),
        ("go", GoTraceParser.Score, GoTraceParser.Parse),
        ("ruby", RubyTraceParser.Score, RubyTraceParser.Parse),
        ("java", JavaTraceParser.Score, JavaTraceParser.Parse),
        ("node", NodeTraceParser.Score, NodeTraceParser.Parse),
        ("csharp", DotnetTraceParser.Score, DotnetTraceParser.Parse),
    ];

    public static ParseResult<ErrorEvent> Parse(string text)
    {
        text ??= "";
        var problems = new ProblemList();
        var bounded = text;
        if (bounded.Length > MaxTextLength)
        {
            problems.Add("text", $"The text is {text.Length} characters long; only the first {MaxTextLength} were read.");
            bounded = bounded[..MaxTextLength];
        }

        var lines = bounded.ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Length > MaxLineLength ? l[..MaxLineLength] : l)
            .ToList();

        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < Parsers.Length; i++)
        {
            var score = Parsers[i].Score(lines);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        if (best < 0)
        {
            return ParseResult<ErrorEvent>.Failed(new ParseProblem("text",
                "No stack trace was recognised (expected .NET, Node, Python, Java, Go or Ruby)."));
        }

        var (platform, _, parse) = Parsers[best];
        IReadOnlyList<ExceptionInfo> chain;
        try
        {
            chain = parse(lines, problems);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // A safety net: the parsers guard every access, so reaching this is a bug, reported rather than thrown.
            return ParseResult<ErrorEvent>.Failed(new ParseProblem("text", $"Internal parser error: {exception.GetType().Name}: {exception.Message}"));
        }

        if (chain.Count == 0)
        {
            problems.Add("text", $"The text looks like a {platform} stack trace, but no exception could be read from it.");
            return ParseResult<ErrorEvent>.Failed(problems.ToImmutable());
        }

        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        var errorEvent = new ErrorEvent(
            id, DateTimeOffset.UnixEpoch, platform, null, null, null, null, "error",
            TraceException.Chain(chain, problems), null, null,
            ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty,
            ImmutableArray<string>.Empty, null);
        return ParseResult<ErrorEvent>.Ok(errorEvent, problems.ToImmutable());
    }
}
