using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Heal.Core.Diffs;
using Heal.Core.Model;
using Heal.LanguageServer.Documents;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;
using Heal.Pipeline;
using Range = Heal.LanguageServer.Protocol.Range;

namespace Heal.LanguageServer.Conversion;

/// <summary>
/// The one place Heal records become LSP types and back. Pure: the caller passes the text of files
/// (<c>textOf</c>: the open document, else the file on disk) and the clock.
/// </summary>
public static class ProtocolConversion
{
    public const string Source = "heal";

    public const string HealCommand = "heal.heal";

    public const string DetailsCommand = "heal.showErrorDetails";

    public const string MuteCommand = "heal.mute";

    private const int MessageLength = 60;

    public static TextChange ToTextChange(TextDocumentContentChangeEvent change) =>
        new(change.Range is { } r ? (r.Start.Line, r.Start.Character, r.End.Line, r.End.Character) : null, change.Text);

    /// <summary>Diagnostics per file URI for every group not muted: Error on the throwing frame, Information on its callers.</summary>
    public static Dictionary<string, List<Diagnostic>> ToDiagnostics(ErrorSnapshot snapshot, string root, Func<string, string?> textOf, DateTimeOffset now)
    {
        var texts = Remembered(textOf);
        var byUri = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var file in snapshot.Files)
        {
            byUri[FileUri.FromPath(Path.Combine(root, file))] = FileDiagnostics(snapshot.InFile(file), root, texts, now);
        }

        return byUri;
    }

    /// <summary>The diagnostics of one file URI, from the snapshot's file index: what a didOpen or didChange re-publishes.</summary>
    public static List<Diagnostic> ToFileDiagnostics(ErrorSnapshot snapshot, string root, string uri, Func<string, string?> textOf, DateTimeOffset now) =>
        RelativePathOf(root, uri) is { } file ? FileDiagnostics(snapshot.InFile(file), root, Remembered(textOf), now) : [];

    /// <summary>The repository-relative path (forward slashes) of a file URI under <paramref name="root"/>, or null.</summary>
    public static string? RelativePathOf(string root, string uri)
    {
        if (FileUri.ToPath(uri) is not { } path)
        {
            return null;
        }

        var relative = Path.GetRelativePath(root, path);
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace('\\', '/');
    }

    private static List<Diagnostic> FileDiagnostics(ImmutableArray<ErrorFrame> frames, string root, Func<string, string?> textOf, DateTimeOffset now)
    {
        var diagnostics = new List<Diagnostic>(frames.Length);
        foreach (var (entry, frame) in frames)
        {
            var message = DiagnosticMessage(entry.Group, now);
            var throwing = entry.Throwing!;
            var isThrowing = ReferenceEquals(frame, throwing);
            var related = entry.Frames.Where(f => !ReferenceEquals(f, frame))
                .Select(f => new DiagnosticRelatedInformation(new Location(UriOf(root, f), LineRange(textOf(UriOf(root, f)), f.Line)), FrameLabel(f, ReferenceEquals(f, throwing))))
                .ToList();
            diagnostics.Add(new Diagnostic(
                LineRange(textOf(UriOf(root, frame)), frame.Line),
                isThrowing ? DiagnosticSeverity.Error : DiagnosticSeverity.Information,
                entry.Group.Id,
                Source,
                isThrowing ? message : $"calls {Function(throwing.Frame)}, which throws {message}",
                related.Count == 0 ? null : related));
        }

        return diagnostics;
    }

    /// <summary>Reads each file once per conversion: a file's text is asked for by every frame that links to it.</summary>
    private static Func<string, string?> Remembered(Func<string, string?> textOf)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        return uri =>
        {
            if (!texts.TryGetValue(uri, out var text))
            {
                texts[uri] = text = textOf(uri);
            }

            return text;
        };
    }

    public static string DiagnosticMessage(ErrorGroup group, DateTimeOffset now)
    {
        var text = (group.Message ?? "").ReplaceLineEndings(" ");
        if (text.Length > MessageLength)
        {
            text = text[..MessageLength].TrimEnd() + "…";
        }

        var events = group.Count == 1 ? "1 event" : $"{group.Count.ToString(CultureInfo.InvariantCulture)} events";
        var release = group.LastRelease is null ? "" : $" (release {group.LastRelease})";
        return $"{ShortType(group.Type)}: {text} — {events}, last {Ago(group.LastSeen, now)}{release}";
    }

    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        return age.TotalSeconds < 60 ? "just now"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes} min ago"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours} h ago"
            : $"{(int)age.TotalDays} days ago";
    }

    /// <summary>The hover on a flagged line: the Markdown of the first error flagged on it (Error before Information), else null.</summary>
    public static Hover? ToHover(ErrorSnapshot snapshot, string root, string uri, Position position, Func<string, string?> textOf, DateTimeOffset now)
    {
        var hit = ToFileDiagnostics(snapshot, root, uri, textOf, now).FirstOrDefault(d => d.Range.Start.Line == position.Line);
        return hit is not null && snapshot.Find(hit.Code) is { } entry ? new Hover(ToMarkdown(entry, now), hit.Range) : null;
    }

    /// <summary>The hover and <c>heal/errorDetails</c> Markdown. Every piece of event text sits in a code span or block.</summary>
    public static MarkupContent ToMarkdown(ErrorEntry entry, DateTimeOffset now)
    {
        var group = entry.Group;
        var latest = entry.Latest;
        var text = new StringBuilder();
        text.Append("**Heal** · ").Append(MarkdownText.Code(group.Type)).Append('\n').Append('\n');
        text.Append(MarkdownText.Block(group.Message ?? "")).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{group.Count} events · first seen {group.FirstSeen:u} · last seen {group.LastSeen:u} ({Ago(group.LastSeen, now)})");
        if (group.LastRelease is not null)
        {
            text.Append(" · release ").Append(MarkdownText.Code(group.LastRelease));
        }

        text.Append("\n\n");
        if (latest?.Culprit is { } culprit && !culprit.Frames.IsDefaultOrEmpty)
        {
            var frames = string.Join("\n", culprit.Frames.Reverse().Select(f => $"at {f.Function ?? "?"} in {f.Path ?? "?"}:{f.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(f.InApp == true ? "" : " (library)")}"));
            text.Append("**Frames**\n\n").Append(MarkdownText.Block(frames)).Append('\n');
        }

        if (latest?.Request is { } request)
        {
            text.Append("**Request** ").Append(MarkdownText.Code($"{request.Method} {request.Url}")).Append("\n\n");
        }

        if (latest?.Environment is not null)
        {
            text.Append("**Environment** ").Append(MarkdownText.Code(latest.Environment)).Append("\n\n");
        }

        if (latest is not null && latest.Tags.Count > 0)
        {
            text.Append("**Tags** ").Append(string.Join(" ", latest.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => MarkdownText.Code($"{t.Key}={t.Value}")))).Append("\n\n");
        }

        text.Append("Group ").Append(MarkdownText.Code(group.Id));
        return MarkupContent.Markdown(text.ToString());
    }

    /// <summary>One lens per affected method (the nearest declaration above the frame's line), summing its groups' counts.</summary>
    public static List<CodeLens> ToCodeLenses(ErrorSnapshot snapshot, string root, string uri, string? text)
    {
        var lenses = new List<CodeLens>();
        var inFile = RelativePathOf(root, uri) is { } file ? snapshot.InFile(file) : [];
        var frames = inFile.GroupBy(x => MethodLine(text, x.Frame));
        foreach (var method in frames.OrderBy(m => m.Key))
        {
            var groups = method.Select(x => x.Entry).DistinctBy(e => e.Group.Id).ToList();
            var count = groups.Sum(e => e.Group.Count);
            var title = $"⚠ {count.ToString(CultureInfo.InvariantCulture)} production error{(count == 1 ? "" : "s")} · Heal";
            var range = new Range(new Position(method.Key, 0), new Position(method.Key, 0));
            lenses.Add(new CodeLens(range, new Command(title, DetailsCommand, [new HealGroupParams(groups[0].Group.Id)])));
        }

        return lenses;
    }

    /// <summary>Heal, details and mute for each Heal diagnostic the client sent in the context (ids only in the arguments).</summary>
    public static List<CodeAction> ToCodeActions(CodeActionParams request, ErrorSnapshot snapshot)
    {
        var actions = new List<CodeAction>();
        foreach (var diagnostic in request.Context.Diagnostics.Where(d => d.Source == Source).DistinctBy(d => d.Code))
        {
            if (snapshot.Find(diagnostic.Code) is not { Muted: false } entry)
            {
                continue;
            }

            var id = entry.Group.Id;
            actions.Add(new CodeAction("Heal this error", "quickfix", [diagnostic], new Command("Heal this error", HealCommand, [new HealHealParams(id, request.TextDocument.Uri, null)])));
            actions.Add(new CodeAction("Show error details", "quickfix", [diagnostic], new Command("Show error details", DetailsCommand, [new HealGroupParams(id)])));
            actions.Add(new CodeAction("Mute this error", "quickfix", [diagnostic], new Command("Mute this error", MuteCommand, [new HealGroupParams(id)])));
        }

        return actions;
    }

    public static HealErrorSummary ToSummary(ErrorEntry entry, string root)
    {
        var group = entry.Group;
        var linked = entry.Frames.ToDictionary(f => f.Index);
        var frames = entry.Latest?.Culprit?.Frames ?? ImmutableArray<StackFrame>.Empty;
        var list = frames.Select((f, i) => new HealFrame(f.Function, f.Path, f.Line,
                linked.TryGetValue(i, out var l) ? new Location(UriOf(root, l), LineRange(null, l.Line)) : null))
            .Reverse()
            .ToList();
        return new HealErrorSummary(group.Id, group.Type, group.Message, group.Count, group.FirstSeen.ToString("O", CultureInfo.InvariantCulture),
            group.LastSeen.ToString("O", CultureInfo.InvariantCulture), group.LastRelease, group.Status.ToString().ToLowerInvariant(), list);
    }

    /// <summary>The pipeline's result, with the patch turned into edits against each file's current text.</summary>
    public static HealHealResult ToHealResult(HealResult result, string root, Func<string, string?> textOf)
    {
        var diagnosis = result.Diagnosis;
        var gates = result.Validation?.Gates.Select(g => new HealGate(g.Name, g.Status.ToString().ToLowerInvariant(), g.Detail)).ToList() ?? [];
        var edit = diagnosis?.Patch is { } patch ? ToWorkspaceEdit(patch, root, textOf) : null;
        return new HealHealResult(result.Status.ToString().ToLowerInvariant(), result.Message, diagnosis?.RootCause,
            result.Validation?.Confidence ?? diagnosis?.Confidence ?? 0, gates, diagnosis?.Patch, edit, ToRegressionTest(result, root, textOf),
            diagnosis is null ? [] : ToEvidence(diagnosis, root), diagnosis is null ? [] : ToCandidates(diagnosis, root));
    }

    /// <summary>The intent items first, then the frames and source lines, each with a URI when it is a workspace path.</summary>
    private static List<HealEvidence> ToEvidence(Diagnosis diagnosis, string root) =>
        [
            .. diagnosis.Intent.Select(i => ToEvidence(i, root)),
            .. diagnosis.Evidence.Select(e => new HealEvidence(e.Role, e.Path, e.Line, e.Source, null, WorkspaceUri(e.Path, root))),
        ];

    private static List<HealCandidate> ToCandidates(Diagnosis diagnosis, string root) =>
        diagnosis.Candidates.Select(c => new HealCandidate(c.FixKind, c.Summary, Math.Round(c.Score, 2), c.Patch,
            c.Evidence.Select(i => ToEvidence(i, root)).ToList())).ToList();

    private static HealEvidence ToEvidence(IntentEvidence item, string root) =>
        new(item.Kind, item.Path, item.Line, item.Text, item.Outcome, WorkspaceUri(item.Path, root));

    /// <summary>The file URI of a repository-relative path, when it stays inside the workspace.</summary>
    private static string? WorkspaceUri(string relativePath, string root)
    {
        if (string.IsNullOrEmpty(relativePath) || Path.IsPathRooted(relativePath))
        {
            return null;
        }

        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(fullRoot, relativePath));
        return path.StartsWith(Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? FileUri.FromPath(path) : null;
    }

    /// <summary>
    /// The diagnosis's regression test as a new file, when the reproduction gate proved it (failed without the fix,
    /// passed with it) and it is one new file inside the workspace that does not exist yet (neither open nor on disk, as
    /// <paramref name="textOf"/> sees it); else null.
    /// </summary>
    private static HealRegressionTest? ToRegressionTest(HealResult result, string root, Func<string, string?> textOf)
    {
        if (result.Diagnosis?.RegressionTest is not { } diff
            || result.Validation?.Gates.FirstOrDefault(g => g.Name == "reproduction") is not { Status: GateStatus.Passed }
            || Patch.Parse(diff).Value is not { Files: [{ IsNew: true } file] }
            || Patch.ApplyTo("", file).Value is not { } text)
        {
            return null;
        }

        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(fullRoot, file.Path));
        var inside = path.StartsWith(Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var uri = FileUri.FromPath(path);
        return inside && textOf(uri) is null ? new HealRegressionTest(file.Path, uri, text) : null;
    }

    /// <summary>
    /// One edit per changed file: the smallest run of whole lines that differs between the current text and the
    /// patched text. Files the patch does not apply to are left out (the client then offers no edit for them).
    /// </summary>
    public static WorkspaceEdit? ToWorkspaceEdit(string patchText, string root, Func<string, string?> textOf)
    {
        if (Patch.Parse(patchText).Value is not { } patch)
        {
            return null;
        }

        var changes = new Dictionary<string, IReadOnlyList<TextEdit>>(StringComparer.Ordinal);
        foreach (var file in patch.Files.Where(f => !f.IsNew && !f.IsDeleted))
        {
            var uri = FileUri.FromPath(Path.Combine(root, file.Path));
            if (textOf(uri) is not { } current || Patch.ApplyTo(current, file).Value is not { } patched)
            {
                continue;
            }

            changes[uri] = [MinimalEdit(current, patched)];
        }

        return changes.Count == 0 ? null : new WorkspaceEdit(changes);
    }

    private static TextEdit MinimalEdit(string current, string patched)
    {
        var oldLines = current.Split('\n');
        var newLines = patched.Split('\n');
        var prefix = 0;
        while (prefix < oldLines.Length && prefix < newLines.Length && oldLines[prefix] == newLines[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Length - prefix && suffix < newLines.Length - prefix && oldLines[^(suffix + 1)] == newLines[^(suffix + 1)])
        {
            suffix++;
        }

        var inserted = newLines[prefix..(newLines.Length - suffix)];
        var newText = inserted.Length == 0 ? "" : string.Join("\n", inserted) + "\n";
        return new TextEdit(new Range(new Position(prefix, 0), new Position(oldLines.Length - suffix, 0)), newText);
    }

    public static string UriOf(string root, LinkedFrame frame) => FileUri.FromPath(Path.Combine(root, frame.RelativePath));

    /// <summary>The frame's line without its leading and trailing whitespace (the whole line when the text is unknown).</summary>
    public static Range LineRange(string? text, int oneBasedLine)
    {
        var line = Math.Max(oneBasedLine - 1, 0);
        var content = text is null ? null : TextOffsets.Line(text, line);
        if (content is null || content.Trim().Length == 0)
        {
            return new Range(new Position(line, 0), new Position(line, content?.Length ?? 0));
        }

        var start = content.Length - content.TrimStart().Length;
        return new Range(new Position(line, start), new Position(line, content.TrimEnd().Length));
    }

    public static bool Contains(Range range, Position position) =>
        (position.Line > range.Start.Line || (position.Line == range.Start.Line && position.Character >= range.Start.Character))
        && (position.Line < range.End.Line || (position.Line == range.End.Line && position.Character <= range.End.Character));

    private static int MethodLine(string? text, LinkedFrame frame)
    {
        var line = frame.Line - 1;
        var name = MethodName(frame.Frame.Function);
        if (text is null || name is null)
        {
            return Math.Max(line, 0);
        }

        for (var candidate = line; candidate >= 0 && candidate > line - 200; candidate--)
        {
            var content = TextOffsets.Line(text, candidate);
            if (content is not null && content.Contains(" " + name + "(", StringComparison.Ordinal) && !content.TrimStart().StartsWith("return", StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return Math.Max(line, 0);
    }

    private static string? MethodName(string? function)
    {
        if (function is null)
        {
            return null;
        }

        var head = function.Split('(')[0];
        var name = head[(head.LastIndexOfAny([' ', '.']) + 1)..];
        return name.Length == 0 ? null : name;
    }

    private static string FrameLabel(LinkedFrame frame, bool throwing) => (throwing ? "throws here: " : "called from: ") + Function(frame.Frame);

    private static string Function(StackFrame frame) => frame.Function ?? "?";

    private static string ShortType(string type) => type[(type.LastIndexOf('.') + 1)..];
}
