using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads V8 stack traces (<c>TypeError: x</c> then <c>    at fn (/app/a.js:1:2)</c> lines), including the code frame
/// Node prints above an uncaught error and <c>[cause]:</c> blocks for <c>Error.cause</c>.
/// </summary>
internal static partial class NodeTraceParser
{
    public static int Score(IReadOnlyList<string> lines) => lines.Count(l => Frame().IsMatch(l) && LooksLikeNodeLocation(l)) * 3;

    private static bool LooksLikeNodeLocation(string line) =>
        JsLocation().IsMatch(line) || line.Contains("<anonymous>", StringComparison.Ordinal) || line.Contains("(native)", StringComparison.Ordinal)
        || line.TrimStart().StartsWith("at async ", StringComparison.Ordinal) || line.Contains("(index ", StringComparison.Ordinal);

    public static IReadOnlyList<ExceptionInfo> Parse(IReadOnlyList<string> lines, ProblemList problems)
    {
        // Printed outermost first: the error, then each [cause].
        var printed = new List<TraceException>();
        TraceException? current = null;
        var inFrames = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Frame().Match(line) is { Success: true } frame)
            {
                if (current is null)
                {
                    current = new TraceException("Error", null);
                    printed.Add(current);
                    problems.Add($"line {i + 1}", "The trace has no error header; the type is unknown.");
                }

                current.Frames.Add(ReadFrame(frame));
                inFrames = true;
                continue;
            }

            var trimmed = line.Trim();
            var cause = trimmed.StartsWith("[cause]:", StringComparison.Ordinal);
            if (cause)
            {
                trimmed = trimmed["[cause]:".Length..].Trim();
            }

            if ((cause || !inFrames) && Header().Match(trimmed) is { Success: true } header && (cause || current is null || IsHeaderAhead(lines, i)))
            {
                current = new TraceException(header.Groups["type"].Value, header.Groups["message"].Success ? header.Groups["message"].Value : null);
                if (!cause)
                {
                    // Lines before the real header (Node's code frame) were not an error.
                    printed.Clear();
                }

                printed.Add(current);
                inFrames = false;
                continue;
            }

            if (!inFrames && current is not null && trimmed.Length > 0 && trimmed != "}" && !trimmed.StartsWith("Node.js v", StringComparison.Ordinal))
            {
                current.AppendMessageLine(line.TrimEnd());
            }
        }

        // Each [cause] is the inner exception of the one printed before it.
        var innermostFirst = Enumerable.Reverse(printed).Where(e => e.Frames.Count > 0 || e.Value is not null || printed.Count == 1).ToList();
        return innermostFirst.Select((e, i) => e.ToInfo(innermostFirst: true, $"exception {i}", problems)).ToList();
    }

    /// <summary>A header line is followed (possibly after message lines) by frames; Node's code frame above it is not.</summary>
    private static bool IsHeaderAhead(IReadOnlyList<string> lines, int index)
    {
        for (var i = index + 1; i < lines.Count && i < index + 50; i++)
        {
            if (Frame().IsMatch(lines[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static StackFrame ReadFrame(Match frame)
    {
        var function = frame.Groups["fn"].Success ? frame.Groups["fn"].Value.Trim() : null;
        var location = frame.Groups["loc"].Value.Trim();
        if (function is not null && function.StartsWith("async ", StringComparison.Ordinal))
        {
            function = function[6..];
        }

        string? path = null;
        int? line = null, column = null;
        if (JsLocation().Match(location) is { Success: true } at)
        {
            path = at.Groups["file"].Value;
            line = int.TryParse(at.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null;
            column = int.TryParse(at.Groups["col"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        }
        else if (function is null)
        {
            // "at async Promise.all (index 0)" has no parentheses form; "at native" names no file.
            function = location.StartsWith("async ", StringComparison.Ordinal) ? location[6..] : location;
        }

        if (path is not null && path.StartsWith("file://", StringComparison.Ordinal))
        {
            path = Uri.UnescapeDataString(path["file://".Length..]);
        }

        var (file, _) = TraceException.SplitPath(path);
        bool? inApp = path is not null && (path.Contains("/node_modules/", StringComparison.Ordinal) || path.Contains("\\node_modules\\", StringComparison.Ordinal)
            || path.StartsWith("node:", StringComparison.Ordinal) || path.StartsWith("internal/", StringComparison.Ordinal)) ? false : null;
        // Node's SDK reports the absolute path as the file name and no abs_path; pasted traces do the same.
        return StackFrame.Create(file, null, function, null, line, column, inApp);
    }

    // Node appends " {" to the last frame when the error has own properties, such as a cause.
    [GeneratedRegex(@"^\s+at (?:(?<fn>[^()]*?|.*?\)\]?) \((?<loc>[^()]*)\)|(?<loc>[^()]+?))(?: \{)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Frame();

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d{1,9}):(?<col>\d{1,9})\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsLocation();

    [GeneratedRegex(@"^(?:Uncaught )?(?<type>[A-Za-z_$][\w$]*(?:\.[\w$]+)*(?:Error|Exception|Rejection)|Error)(?: \[[A-Z_0-9]+\])?(?:: ?(?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
