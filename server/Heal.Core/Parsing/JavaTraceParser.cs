using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads JVM stack traces: <c>java.lang.X: m</c>, <c>\tat pkg.Type.method(Type.java:10)</c>, <c>Caused by:</c> blocks
/// and <c>... 5 more</c>, which stands for the last 5 frames of the enclosing trace.
/// </summary>
internal static partial class JavaTraceParser
{
    public static int Score(IReadOnlyList<string> lines) =>
        lines.Count(l => Frame().Match(l) is { Success: true } m && JvmLocation(m.Groups["loc"].Value)) * 3
        + lines.Count(l => l.StartsWith("Caused by: ", StringComparison.Ordinal));

    private static bool JvmLocation(string location) =>
        location is "Native Method" or "Unknown Source" || location.StartsWith("Unknown Source", StringComparison.Ordinal)
        || JvmFile().IsMatch(location);

    public static IReadOnlyList<ExceptionInfo> Parse(IReadOnlyList<string> lines, ProblemList problems)
    {
        // Printed outermost first: the thrown exception, then each cause.
        var printed = new List<TraceException>();
        TraceException? current = null;
        var inFrames = false;
        var suppressedIndent = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (suppressedIndent >= 0)
            {
                // Suppressed exceptions are nested deeper; they are not part of the causal chain.
                if (indent > suppressedIndent || trimmed.Length == 0)
                {
                    continue;
                }

                suppressedIndent = -1;
            }

            if (trimmed.StartsWith("Suppressed: ", StringComparison.Ordinal))
            {
                suppressedIndent = indent;
                continue;
            }

            if (Frame().Match(line) is { Success: true } frame && current is not null)
            {
                current.Frames.Add(ReadFrame(frame));
                inFrames = true;
                continue;
            }

            if (More().Match(trimmed) is { Success: true } more && current is not null && printed.Count > 1)
            {
                // The cause shares its outermost frames with the exception it caused.
                var enclosing = printed[^2].Frames;
                var count = Math.Min(int.Parse(more.Groups["n"].Value, CultureInfo.InvariantCulture), enclosing.Count);
                current.Frames.AddRange(enclosing.Skip(enclosing.Count - count));
                continue;
            }

            var causedBy = trimmed.StartsWith("Caused by: ", StringComparison.Ordinal);
            var text = causedBy ? trimmed["Caused by: ".Length..] : ThreadPrefix().Replace(trimmed, "");
            if ((causedBy || current is null) && Header().Match(text) is { Success: true } header)
            {
                current = new TraceException(header.Groups["type"].Value, header.Groups["message"].Success ? header.Groups["message"].Value : null);
                printed.Add(current);
                inFrames = false;
                continue;
            }

            if (current is not null && !inFrames && trimmed.Length > 0)
            {
                current.AppendMessageLine(line.TrimEnd());
            }
            else if (current is not null && trimmed.Length > 0)
            {
                problems.Add($"line {i + 1}", "This line is not part of a Java stack trace; it was skipped.");
            }
        }

        var innermostFirst = Enumerable.Reverse(printed).ToList();
        return innermostFirst.Select((e, i) => e.ToInfo(innermostFirst: true, $"exception {i}", problems)).ToList();
    }

    private static StackFrame ReadFrame(Match frame)
    {
        var method = frame.Groups["method"].Value;
        // Java 9+ prefixes the module ("java.base/") or class loader ("app//").
        var slash = method.LastIndexOf('/');
        if (slash >= 0)
        {
            method = method[(slash + 1)..];
        }

        var dot = method.LastIndexOf('.');
        var module = dot > 0 ? method[..dot] : null;
        var function = dot > 0 ? method[(dot + 1)..] : method;
        string? file = null;
        int? line = null;
        if (JvmFile().Match(frame.Groups["loc"].Value) is { Success: true } location)
        {
            file = location.Groups["file"].Value;
            line = location.Groups["line"].Success && int.TryParse(location.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }

        bool? inApp = module is not null && LibraryPackage().IsMatch(module) ? false : null;
        return StackFrame.Create(file, null, function, module, line, null, inApp);
    }

    [GeneratedRegex(@"^\s*at (?<method>[\w$./<>\-]+)\((?<loc>[^()]*)\)(?: ~?\[.*\])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Frame();

    [GeneratedRegex(@"^(?<file>[\w$\-]+\.(?:java|kt|kts|scala|groovy|clj))(?::(?<line>\d{1,9}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex JvmFile();

    [GeneratedRegex(@"^\.\.\. (?<n>\d{1,6}) (?:more|common frames omitted)$", RegexOptions.CultureInvariant)]
    private static partial Regex More();

    [GeneratedRegex(@"^Exception in thread ""[^""]*"" ", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadPrefix();

    [GeneratedRegex(@"^(?<type>[A-Za-z_$][\w$]*(?:\.[\w$]+)+|[A-Z][\w$]*(?:Exception|Error|Throwable))(?:: ?(?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^(java|javax|jdk|sun|com\.sun|kotlin|kotlinx|scala|org\.junit|org\.springframework|org\.apache|io\.netty)\.", RegexOptions.CultureInvariant)]
    private static partial Regex LibraryPackage();
}
