using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Tests.Conversion;

/// <summary>
/// An in-process world for the language server's read-only features, written as text (rust-analyzer's fixture style):
/// <code>
/// //- group g1 System.NullReferenceException count=3 seen=5m release=Shop@1.2 [muted]
/// Object reference not set to an instance of an object.
/// //- src/Shop/Pricing.cs
///         return order.Lines.Sum(l => l.Price); // &lt;- g1:2
/// </code>
/// A group header is followed by its message; <c>// &lt;- g1:N</c> at the end of a line links frame N of group g1's latest
/// event to that line (1 is the outermost frame, the highest number threw); <c>$0</c> marks the cursor. Markers are
/// removed from the text the conversion sees. <see cref="Render"/> writes the files back with what the editor would show.
/// </summary>
internal sealed partial class ConversionFixture
{
    public const string Root = "/repo";

    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    private ConversionFixture(ErrorSnapshot snapshot, ImmutableArray<(string Path, string Text)> files, (string Uri, Position Position)? cursor)
    {
        Snapshot = snapshot;
        Files = files;
        Cursor = cursor;
    }

    public ErrorSnapshot Snapshot { get; }

    /// <summary>Repository-relative path and text (markers removed), in fixture order.</summary>
    public ImmutableArray<(string Path, string Text)> Files { get; }

    public (string Uri, Position Position)? Cursor { get; }

    public static string UriOf(string relativePath) => FileUri.FromPath(Path.Combine(Root, relativePath));

    public string? TextOf(string uri) => Files.FirstOrDefault(f => UriOf(f.Path) == uri).Text;

    public static ConversionFixture Parse(string fixture)
    {
        var groups = new List<(string Id, string Type, long Count, TimeSpan Seen, string? Release, bool Muted, StringBuilder Message)>();
        var files = new List<(string Path, StringBuilder Text)>();
        var frames = new Dictionary<string, SortedDictionary<int, (string Path, int Line, string Function, string Module)>>(StringComparer.Ordinal);
        (string Uri, Position Position)? cursor = null;
        StringBuilder? current = null;
        foreach (var raw in fixture.ReplaceLineEndings("\n").Split('\n'))
        {
            if (raw.StartsWith("//- group ", StringComparison.Ordinal))
            {
                var parts = raw["//- group ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string? Option(string name) => parts.Skip(2).FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
                var seen = Option("seen") ?? "0s";
                var amount = int.Parse(seen[..^1], CultureInfo.InvariantCulture);
                var age = seen[^1] switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), 'h' => TimeSpan.FromHours(amount), _ => TimeSpan.FromDays(amount) };
                groups.Add((parts[0], parts[1], long.Parse(Option("count") ?? "1", CultureInfo.InvariantCulture), age, Option("release"), parts.Contains("muted"), new StringBuilder()));
                current = groups[^1].Message;
                continue;
            }

            if (raw.StartsWith("//- ", StringComparison.Ordinal))
            {
                files.Add((raw[4..].Trim(), new StringBuilder()));
                current = files[^1].Text;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            var line = raw;
            if (files.Count > 0 && ReferenceEquals(current, files[^1].Text))
            {
                var number = files[^1].Text.ToString().Count(c => c == '\n') + 1;
                if (MarkerPattern().Match(line) is { Success: true } marker)
                {
                    line = line[..marker.Index].TrimEnd();
                    foreach (var link in marker.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var (group, index) = (link[..link.IndexOf(':', StringComparison.Ordinal)], int.Parse(link[(link.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture));
                        var (module, function) = Enclosing(files[^1].Text.ToString());
                        if (!frames.TryGetValue(group, out var list))
                        {
                            frames[group] = list = [];
                        }

                        list.Add(index, (files[^1].Path, number, function, module));
                    }
                }

                if (line.IndexOf("$0", StringComparison.Ordinal) is var at and >= 0)
                {
                    line = line.Remove(at, 2);
                    cursor = (UriOf(files[^1].Path), new Position(number - 1, at));
                }
            }

            current.Append(line).Append('\n');
        }

        var entries = groups.Select(g => Entry(g.Id, g.Type, g.Message.ToString().TrimEnd('\n'), g.Count, g.Seen, g.Release, g.Muted,
            frames.TryGetValue(g.Id, out var linked) ? [.. linked.Values] : [])).ToList();
        return new ConversionFixture(ErrorSnapshot.Create(entries, Now), [.. files.Select(f => (f.Path, f.Text.ToString()))], cursor);
    }

    /// <summary>The files with each lens above its line and each diagnostic, with its related locations, under its range.</summary>
    public string Render()
    {
        var diagnostics = ProtocolConversion.ToDiagnostics(Snapshot, Root, TextOf, Now);
        var text = new StringBuilder();
        foreach (var (path, content) in Files)
        {
            var uri = UriOf(path);
            var lenses = ProtocolConversion.ToCodeLenses(Snapshot, Root, uri, content);
            var inFile = diagnostics.GetValueOrDefault(uri) ?? [];
            text.Append("//- ").Append(path).Append('\n');
            var lines = (content.EndsWith('\n') ? content[..^1] : content).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var lens in lenses.Where(l => l.Range.Start.Line == i))
                {
                    text.Append(new string(' ', Indent(lines[i]))).Append("// lens: ").Append(lens.Command!.Title).Append(" → ").Append(Describe(lens.Command)).Append('\n');
                }

                text.Append(lines[i]).Append('\n');
                foreach (var diagnostic in inFile.Where(d => d.Range.Start.Line == i))
                {
                    var (start, end) = (diagnostic.Range.Start.Character, diagnostic.Range.End.Character);
                    text.Append(new string(' ', start)).Append(new string('^', Math.Max(1, end - start))).Append(' ')
                        .Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ').Append(diagnostic.Code).Append(": ").Append(diagnostic.Message).Append('\n');
                    foreach (var related in diagnostic.RelatedInformation ?? [])
                    {
                        text.Append(new string(' ', start)).Append("  related ").Append(Relative(related.Location.Uri)).Append(':')
                            .Append(related.Location.Range.Start.Line + 1).Append(' ').Append(related.Message).Append('\n');
                    }
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The code actions for the diagnostics the editor shows on <paramref name="line"/> (1-based) of <paramref name="path"/>.</summary>
    public string RenderCodeActions(string path, int line, IEnumerable<Diagnostic>? extra = null)
    {
        var uri = UriOf(path);
        var shown = (ProtocolConversion.ToDiagnostics(Snapshot, Root, TextOf, Now).GetValueOrDefault(uri) ?? []).Where(d => d.Range.Start.Line == line - 1);
        var request = new CodeActionParams(new TextDocumentIdentifier(uri), new Protocol.Range(new Position(line - 1, 0), new Position(line - 1, 0)),
            new CodeActionContext([.. shown, .. extra ?? []], null));
        return string.Concat(ProtocolConversion.ToCodeActions(request, Snapshot).Select(a => $"{a.Kind} {a.Title} → {Describe(a.Command!)}\n"));
    }

    /// <summary>The hover at <c>$0</c>: its range and Markdown, or "no hover".</summary>
    public string RenderHover()
    {
        var (uri, position) = Cursor ?? throw new InvalidOperationException("the fixture has no $0");
        var hover = ProtocolConversion.ToHover(Snapshot, Root, uri, position, TextOf, Now);
        return hover is null ? "no hover\n"
            : $"range {hover.Range!.Start.Line + 1}:{hover.Range.Start.Character}-{hover.Range.End.Character} ({hover.Contents.Kind})\n{hover.Contents.Value}\n";
    }

    private static string Describe(Command command) =>
        command.CommandName + (command.Arguments is { Count: > 0 } arguments ? " " + string.Join(" ", arguments.Select(a => JsonSerializer.Serialize(a, a.GetType(), s_json))) : "");

    private static string Relative(string uri) => ProtocolConversion.RelativePathOf(Root, uri) ?? uri;

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static ErrorEntry Entry(string id, string type, string message, long count, TimeSpan seen, string? release, bool muted,
        ImmutableArray<(string Path, int Line, string Function, string Module)> linked)
    {
        var stack = linked.Select(f => StackFrame.Create(file: f.Path, absolutePath: "/build/" + f.Path, function: f.Function, module: f.Module, line: f.Line, inApp: true)).ToImmutableArray();
        var latest = new ErrorEvent("e-" + id, Now - seen, "csharp", release, "production", null, null, "error",
            [new ExceptionInfo(type, message, null, null, stack)], null, null,
            ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, [], null);
        var group = new ErrorGroup(id, "fp-" + id, type, message, count, Now - seen - TimeSpan.FromDays(1), Now - seen, release,
            muted ? GroupStatus.Muted : GroupStatus.Open, stack.IsEmpty ? null : stack[^1], latest.Id);
        return new ErrorEntry(group, latest, [.. linked.Select((f, i) => new LinkedFrame(stack[i], f.Path, f.Line, false, i))]);
    }

    /// <summary>The class and method a line sits in: the nearest declarations above it.</summary>
    private static (string Module, string Function) Enclosing(string textAbove)
    {
        var lines = textAbove.Split('\n');
        var method = lines.Reverse().Select(l => MethodPattern().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "?";
        var type = lines.Reverse().Select(l => TypePattern().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "?";
        return (type, $"{type}.{method}");
    }

    [GeneratedRegex(@"\s*// <- ((?:\s*\w+:\d+)+)\s*$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^\s*(?:public|private|internal|protected)\b[^=;(]*?\b(\w+)\s*\(")]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"\b(?:class|record|struct)\s+(\w+)")]
    private static partial Regex TypePattern();
}
