using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads Python tracebacks: <c>Traceback (most recent call last):</c>, <c>  File "…", line N, in f</c> with the code
/// line under it, then <c>Type: message</c>. Chained tracebacks ("During handling…", "The above exception was the
/// direct cause…") print the cause first, which is already Sentry order.
/// </summary>
internal static partial class PythonTraceParser
{
    public static int Score(IReadOnlyList<string> lines) =>
        lines.Count(l => Frame().IsMatch(l)) * 3 + lines.Count(l => l.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal)) * 5;

    public static IReadOnlyList<ExceptionInfo> Parse(IReadOnlyList<string> lines, ProblemList problems)
    {
        var chain = new List<TraceException>();
        var frames = new List<StackFrame>();
        TraceException? current = null;
        var inTraceback = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal))
            {
                inTraceback = true;
                current = null;
                frames = [];
                continue;
            }

            if (Frame().Match(line) is { Success: true } frame)
            {
                inTraceback = true;
                current = null;
                var code = i + 1 < lines.Count && IsCodeLine(lines[i + 1], line) ? lines[i + 1].Trim() : null;
                frames.Add(ReadFrame(frame, code));
                continue;
            }

            if (!inTraceback)
            {
                if (current is not null && line.Length > 0 && !IsChainSeparator(line))
                {
                    current.AppendMessageLine(line);
                }

                continue;
            }

            // Inside a traceback, indented lines are code, carets or "[Previous line repeated …]".
            if (line.Length == 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            if (ExceptionLine().Match(line) is { Success: true } exception)
            {
                current = new TraceException(exception.Groups["type"].Value, exception.Groups["message"].Success ? exception.Groups["message"].Value : null);
                current.Frames.AddRange(frames);
                chain.Add(current);
                inTraceback = false;
                frames = [];
            }
            else
            {
                problems.Add($"line {i + 1}", "This line is not part of a Python traceback; it was skipped.");
            }
        }

        if (frames.Count > 0)
        {
            problems.Add("end", "The traceback ends without an exception line; the type is unknown.");
            var unknown = new TraceException("(unknown)", null);
            unknown.Frames.AddRange(frames);
            chain.Add(unknown);
        }

        return chain.Select((e, i) => e.ToInfo(innermostFirst: false, $"exception {i}", problems)).ToList();
    }

    private static bool IsChainSeparator(string line) =>
        line.StartsWith("During handling of the above exception", StringComparison.Ordinal)
        || line.StartsWith("The above exception was the direct cause", StringComparison.Ordinal);

    private static bool IsCodeLine(string next, string frameLine)
    {
        var indent = next.Length - next.TrimStart().Length;
        var frameIndent = frameLine.Length - frameLine.TrimStart().Length;
        var trimmed = next.Trim();
        return indent > frameIndent && trimmed.Length > 0 && !Frame().IsMatch(next) && trimmed.Trim('^', '~', ' ').Length > 0;
    }

    private static StackFrame ReadFrame(Match frame, string? code)
    {
        var path = frame.Groups["file"].Value;
        var (file, absolutePath) = TraceException.SplitPath(path);
        int? line = int.TryParse(frame.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        bool? inApp = path.Contains("site-packages", StringComparison.Ordinal) || path.Contains("dist-packages", StringComparison.Ordinal)
            || LibraryPath().IsMatch(path) || path.StartsWith('<') ? false : null;
        var created = StackFrame.Create(file, absolutePath, frame.Groups["fn"].Success ? frame.Groups["fn"].Value : null, null, line, null, inApp);
        return code is null ? created : created with { ContextLine = code };
    }

    [GeneratedRegex(@"^\s*File ""(?<file>[^""]+)"", line (?<line>\d{1,9})(?:, in (?<fn>.+?))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Frame();

    [GeneratedRegex(@"^(?<type>[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)(?:: ?(?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionLine();

    [GeneratedRegex(@"[/\\]lib[/\\]python\d(\.\d+)?[/\\]", RegexOptions.CultureInvariant)]
    private static partial Regex LibraryPath();
}
