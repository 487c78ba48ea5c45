using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads Ruby backtraces: <c>/app/a.rb:10:in 'm': msg (RuntimeError)</c> then <c>\tfrom /app/b.rb:2:in '&lt;main&gt;'</c>,
/// with either quote style (backtick-quote before Ruby 3.4, single quotes after), and the reversed
/// <c>Traceback (most recent call last):</c> form of Ruby 2.5–2.7.
/// </summary>
internal static partial class RubyTraceParser
{
    public static int Score(IReadOnlyList<string> lines) =>
        lines.Count(l => From().IsMatch(l)) * 3 + lines.Count(l => Header().IsMatch(l)) * 4;

    public static IReadOnlyList<ExceptionInfo> Parse(IReadOnlyList<string> lines, ProblemList problems)
    {
        TraceException? exception = null;
        StackFrame? throwing = null;
        var callers = new List<StackFrame>();
        var reversed = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal))
            {
                reversed = true;
                continue;
            }

            if (exception is null && Header().Match(line) is { Success: true } header)
            {
                exception = new TraceException(header.Groups["type"].Value, header.Groups["message"].Value);
                throwing = ReadFrame(header);
                continue;
            }

            if (From().Match(line) is { Success: true } from)
            {
                callers.Add(ReadFrame(from));
                continue;
            }

            if (exception is not null && line.Trim().Length > 0 && callers.Count == 0 && !reversed)
            {
                exception.AppendMessageLine(line.TrimEnd());
            }
        }

        if (exception is null)
        {
            if (callers.Count == 0)
            {
                return [];
            }

            problems.Add("line 1", "The backtrace has no exception line; the type is unknown.");
            exception = new TraceException("(unknown)", null);
        }

        // Classic form: throwing frame first, callers outwards. Reversed form: callers outermost first, throwing last.
        var innermostFirst = new List<StackFrame>();
        if (throwing is not null)
        {
            innermostFirst.Add(throwing);
        }

        innermostFirst.AddRange(reversed ? Enumerable.Reverse(callers) : callers);
        exception.Frames.AddRange(innermostFirst);
        return [exception.ToInfo(innermostFirst: true, "exception 0", problems)];
    }

    private static StackFrame ReadFrame(Match match)
    {
        var path = match.Groups["file"].Value;
        var (file, absolutePath) = TraceException.SplitPath(path);
        int? line = int.TryParse(match.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        bool? inApp = path.Contains("/gems/", StringComparison.Ordinal) || path.StartsWith("<internal:", StringComparison.Ordinal)
            || RubyLibrary().IsMatch(path) ? false : null;
        return StackFrame.Create(file, absolutePath, match.Groups["fn"].Success ? match.Groups["fn"].Value : null, null, line, null, inApp);
    }

    [GeneratedRegex(@"^(?<file>[^\s:][^:]*):(?<line>\d{1,9}):in [`'](?<fn>[^']*)': (?<message>.*) \((?<type>[A-Z][\w]*(?:::[A-Z][\w]*)*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s+(?:\d+: )?from (?<file>[^:]+):(?<line>\d{1,9})(?::in [`'](?<fn>[^']*)')?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex From();

    [GeneratedRegex(@"/lib/ruby/\d", RegexOptions.CultureInvariant)]
    private static partial Regex RubyLibrary();
}
