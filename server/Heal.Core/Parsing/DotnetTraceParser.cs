using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads <c>Exception.ToString()</c> output: a header per exception (inner ones after <c> ---> </c>), then the
/// innermost exception's frames, <c>--- End of inner exception stack trace ---</c>, the next outer one's frames, and so on.
/// </summary>
internal static partial class DotnetTraceParser
{
    public static int Score(IReadOnlyList<string> lines) =>
        lines.Count(l => Frame().IsMatch(l)) * 2 + lines.Count(l => l.Contains(":line ", StringComparison.Ordinal) || l.Contains("--- End of", StringComparison.Ordinal));

    public static IReadOnlyList<ExceptionInfo> Parse(IReadOnlyList<string> lines, ProblemList problems)
    {
        // Headers outermost first, as printed.
        var headers = new List<TraceException>();
        var blocks = new List<List<StackFrame>> { new() };
        TraceException? messageOwner = null;
        var seenFrame = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (Frame().Match(line) is { Success: true } frame)
            {
                blocks[^1].Add(ReadFrame(frame));
                seenFrame = true;
                messageOwner = null;
                continue;
            }

            if (trimmed.StartsWith("--- End of inner exception stack trace", StringComparison.Ordinal))
            {
                blocks.Add([]);
                continue;
            }

            if (trimmed.StartsWith("--- End of stack trace from previous location", StringComparison.Ordinal) || trimmed.StartsWith("--- ", StringComparison.Ordinal))
            {
                continue;
            }

            // After the first header, only " ---> " starts another; other lines continue the message.
            var mayBeHeader = !seenFrame && (headers.Count == 0 || trimmed.StartsWith("--->", StringComparison.Ordinal));
            if (mayBeHeader && ReadHeaders(line) is { Count: > 0 } found)
            {
                headers.AddRange(found);
                messageOwner = found[^1];
                continue;
            }

            if (messageOwner is not null)
            {
                // A multi-line message continues until the first frame or inner header.
                messageOwner.AppendMessageLine(line.TrimEnd());
            }
            else if (headers.Count > 0)
            {
                problems.Add($"line {i + 1}", "This line is not part of a .NET stack trace; it was skipped.");
            }
        }

        if (headers.Count == 0)
        {
            if (blocks.All(b => b.Count == 0))
            {
                return [];
            }

            problems.Add("line 1", "The trace has no exception header; the type is unknown.");
            headers.Add(new TraceException("(unknown)", null));
        }

        // The first block belongs to the innermost exception, each later block to the next outer one.
        var innermostFirst = Enumerable.Reverse(headers).ToList();
        for (var b = 0; b < blocks.Count; b++)
        {
            var owner = innermostFirst[Math.Min(b, innermostFirst.Count - 1)];
            owner.Frames.AddRange(blocks[b]);
        }

        return innermostFirst.Select((e, i) => e.ToInfo(innermostFirst: true, $"exception {i}", problems)).ToList();
    }

    /// <summary>Reads <c>[Unhandled exception. ]Type: message[ ---> Type: message…]</c>; none when the line is not a header.</summary>
    private static List<TraceException> ReadHeaders(string line)
    {
        var result = new List<TraceException>();
        // Leading space so that a line starting with "---> " splits like one continuing a header.
        var parts = (" " + line.Trim()).Split(" ---> ");
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p].Trim();
            if (p == 0 && UnhandledPrefix().Match(part) is { Success: true } prefix)
            {
                part = part[prefix.Length..].Trim();
            }

            // An AggregateException numbers its inner exceptions.
            part = InnerNumber().Replace(part, "");
            if (p == 0 && part.Length == 0 && parts.Length > 1)
            {
                continue;
            }

            var header = Header().Match(part);
            if (!header.Success && result.Count == 0)
            {
                // A log line ("2026-11-28 02:10:03 [ERR] Request failed System.X: m") carries the header after a prefix.
                header = EmbeddedHeader().Match(part);
            }

            if (!header.Success)
            {
                if (result.Count == 0)
                {
                    return [];
                }

                result[^1].AppendMessageLine(" ---> " + part);
                continue;
            }

            result.Add(new TraceException(header.Groups["type"].Value, header.Groups["message"].Success ? header.Groups["message"].Value : null));
        }

        return result;
    }

    private static StackFrame ReadFrame(Match frame)
    {
        var method = frame.Groups["method"].Value.Trim();
        var paren = method.IndexOf('(');
        // Demystified traces put modifiers and a return type first ("async Task<int> Demo.W.RunAsync(string p)").
        var name = LastTopLevelToken(paren >= 0 ? method[..paren] : method);
        var parameters = paren >= 0 ? method[paren..] : "";
        // Constructors are "T..ctor": the dot before "ctor" belongs to the name.
        var dot = name.EndsWith("..ctor", StringComparison.Ordinal) || name.EndsWith("..cctor", StringComparison.Ordinal)
            ? name.LastIndexOf("..", StringComparison.Ordinal)
            : name.LastIndexOf('.');
        var module = dot > 0 ? name[..dot] : null;
        var function = (dot > 0 ? name[(dot + 1)..] : name) + parameters;
        var (file, absolutePath) = TraceException.SplitPath(frame.Groups["file"].Success ? frame.Groups["file"].Value : null);
        int? lineNumber = frame.Groups["line"].Success && int.TryParse(frame.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        bool? inApp = module is not null && (module.StartsWith("System.", StringComparison.Ordinal) || module == "System"
            || module.StartsWith("Microsoft.", StringComparison.Ordinal)) ? false : null;
        return StackFrame.Create(file, absolutePath, function, module, lineNumber, null, inApp);
    }

    private static string LastTopLevelToken(string text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            depth += text[i] switch { '>' => 1, '<' => -1, _ => 0 };
            if (text[i] == ' ' && depth == 0)
            {
                return text[(i + 1)..];
            }
        }

        return text;
    }

    // The optional "+…" is a demystified lambda or local function ("Main(string[] args)+() => { }").
    [GeneratedRegex(@"^\s*at (?<method>[^\s(][^(]*\(.*?\)(?:\+.*?)?)(?: in (?<file>.+?):line (?<line>\d{1,9}))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Frame();

    [GeneratedRegex(@"^(?<type>[A-Za-z_][\w`]*(?:[.+][\w`<>|]+)*)(?:: ?(?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"(?<![\w.])(?<type>(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*(?:Exception|Error))(?:: (?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedHeader();

    [GeneratedRegex(@"^Unhandled [eE]xception[.:]", RegexOptions.CultureInvariant)]
    private static partial Regex UnhandledPrefix();

    [GeneratedRegex(@"^\(Inner Exception #\d+\)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex InnerNumber();
}
