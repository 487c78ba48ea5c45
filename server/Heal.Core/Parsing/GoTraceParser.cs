using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads Go panics: <c>panic: message</c> (or <c>fatal error:</c>), then the first goroutine's trace, a function line
/// followed by a tab-indented <c>/path/file.go:12 +0x1d</c> line per frame, innermost first.
/// </summary>
internal static partial class GoTraceParser
{
    public static int Score(IReadOnlyList<string> lines) =>
        lines.Count(l => Location().IsMatch(l)) * 2
        + lines.Count(l => Goroutine().IsMatch(l)) * 5
        + lines.Count(l => l.StartsWith("panic: ", StringComparison.Ordinal) || l.StartsWith("fatal error: ", StringComparison.Ordinal)) * 3;

    public static IReadOnlyList<ExceptionInfo> Parse(IReadOnlyList<string> lines, ProblemList problems)
    {
        TraceException? panic = null;
        var inGoroutine = false;
        var goroutineDone = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (panic is null && Panic().Match(line) is { Success: true } header)
            {
                var message = header.Groups["message"].Value;
                var type = header.Groups["kind"].Value == "fatal error" ? "fatal error"
                    : message.StartsWith("runtime error: ", StringComparison.Ordinal) ? "runtime.Error" : "panic";
                panic = new TraceException(type, message);
                continue;
            }

            if (Goroutine().IsMatch(line))
            {
                // Only the first goroutine is the one that panicked.
                goroutineDone = inGoroutine || goroutineDone;
                inGoroutine = !goroutineDone;
                panic ??= new TraceException("panic", null);
                continue;
            }

            if (!inGoroutine || goroutineDone)
            {
                continue;
            }

            if (line.StartsWith("created by ", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && i + 1 < lines.Count && Location().Match(lines[i + 1]) is { Success: true } location)
            {
                panic!.Frames.Add(ReadFrame(line, location));
                i++;
            }
            else if (line.Length == 0)
            {
                inGoroutine = false;
                goroutineDone = panic!.Frames.Count > 0;
            }
        }

        if (panic is null)
        {
            return [];
        }

        return [panic.ToInfo(innermostFirst: true, "exception 0", problems)];
    }

    private static StackFrame ReadFrame(string functionLine, Match location)
    {
        // "github.com/a/b/pkg.(*T).M(0x1, 0x2)": the package path ends at the first '.' after the last '/'.
        var call = functionLine.Trim();
        if (call.EndsWith(')') && call.LastIndexOf('(') is var open and > 0 && call[open - 1] != '.')
        {
            call = call[..open];
        }

        var slash = call.LastIndexOf('/');
        var dot = call.IndexOf('.', slash + 1);
        var module = dot > 0 ? call[..dot] : null;
        var function = dot > 0 ? call[(dot + 1)..] : call;
        var path = location.Groups["file"].Value;
        var (file, absolutePath) = TraceException.SplitPath(path);
        int? line = int.TryParse(location.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        bool? inApp = module is not null && (module == "runtime" || module.StartsWith("runtime/", StringComparison.Ordinal))
            || path.Contains("/go/src/runtime/", StringComparison.Ordinal) || path.Contains("/libexec/src/", StringComparison.Ordinal) ? false : null;
        return StackFrame.Create(file, absolutePath, function, module, line, null, inApp);
    }

    [GeneratedRegex(@"^(?<kind>panic|fatal error): (?<message>.*?)(?: \[recovered\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Panic();

    [GeneratedRegex(@"^goroutine \d+ \[[^\]]*\]:$", RegexOptions.CultureInvariant)]
    private static partial Regex Goroutine();

    [GeneratedRegex(@"^\t(?<file>.+\.(?:go|s|c)):(?<line>\d{1,9})(?: \+0x[0-9a-f]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Location();
}
