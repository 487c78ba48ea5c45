using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Repair.Llm;

/// <summary>
/// A strict reader and applier of the git-format unified diffs a model returns. Stand-in with the same shape
/// as <c>Heal.Core.Diffs.Patch</c> (<c>Parse</c> → files with old/new paths and hunks, <c>ApplyTo</c>) until
/// that lands; the diagnoser only calls it from <see cref="ReplyChecker"/>.
/// </summary>
internal sealed partial record ModelPatch(ImmutableArray<ModelPatch.FilePatch> Files)
{
    /// <summary>One file's change. A path is null for <c>/dev/null</c> (a created or deleted file).</summary>
    public sealed record FilePatch(string? OldPath, string? NewPath, ImmutableArray<Hunk> Hunks);

    /// <summary>One hunk: each line keeps its marker (<c>' '</c>, <c>'-'</c>, <c>'+'</c>).</summary>
    public sealed record Hunk(int OldStart, int OldCount, int NewStart, int NewCount, ImmutableArray<string> Lines);

    public static ParseResult<ModelPatch> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var files = ImmutableArray.CreateBuilder<FilePatch>();
        var problems = ImmutableArray.CreateBuilder<ParseProblem>();
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith("--- ", StringComparison.Ordinal))
            {
                // "diff --git", "index …", mode lines and any prose between files carry nothing we need.
                i++;
                continue;
            }

            var oldPath = ParsePath(lines[i][4..]);
            var at = i + 1;
            if (at >= lines.Length || !lines[at].StartsWith("+++ ", StringComparison.Ordinal))
            {
                problems.Add(new ParseProblem($"line {at + 1}", "a '--- ' header is not followed by a '+++ ' header"));
                return ParseResult<ModelPatch>.Failed(problems.ToImmutable());
            }

            var newPath = ParsePath(lines[at][4..]);
            i = at + 1;
            var hunks = ImmutableArray.CreateBuilder<Hunk>();
            while (i < lines.Length && lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                var match = HunkHeader().Match(lines[i]);
                if (!match.Success)
                {
                    problems.Add(new ParseProblem($"line {i + 1}", $"malformed hunk header '{lines[i]}'"));
                    return ParseResult<ModelPatch>.Failed(problems.ToImmutable());
                }

                var oldStart = Number(match.Groups["os"]);
                var oldCount = match.Groups["oc"].Success ? Number(match.Groups["oc"]) : 1;
                var newStart = Number(match.Groups["ns"]);
                var newCount = match.Groups["nc"].Success ? Number(match.Groups["nc"]) : 1;
                i++;
                var body = ImmutableArray.CreateBuilder<string>();
                int seenOld = 0, seenNew = 0;
                while (i < lines.Length && (seenOld < oldCount || seenNew < newCount))
                {
                    var line = lines[i];
                    if (line.StartsWith('\\'))
                    {
                        i++;
                        continue;
                    }

                    // Models often drop the single space of an empty context line.
                    var marker = line.Length == 0 ? ' ' : line[0];
                    var content = line.Length == 0 ? "" : line[1..];
                    switch (marker)
                    {
                        case ' ':
                            seenOld++;
                            seenNew++;
                            break;
                        case '-':
                            seenOld++;
                            break;
                        case '+':
                            seenNew++;
                            break;
                        default:
                            problems.Add(new ParseProblem($"line {i + 1}", $"hunk ended early: expected {oldCount} old and {newCount} new lines, read {seenOld} and {seenNew}"));
                            return ParseResult<ModelPatch>.Failed(problems.ToImmutable());
                    }

                    body.Add(marker + content);
                    i++;
                }

                if (seenOld != oldCount || seenNew != newCount)
                {
                    problems.Add(new ParseProblem($"line {i + 1}", $"hunk line counts do not match its header (expected {oldCount} old and {newCount} new lines, read {seenOld} and {seenNew})"));
                    return ParseResult<ModelPatch>.Failed(problems.ToImmutable());
                }

                while (i < lines.Length && lines[i].StartsWith('\\'))
                {
                    i++;
                }

                hunks.Add(new Hunk(oldStart, oldCount, newStart, newCount, body.ToImmutable()));
            }

            if (hunks.Count == 0)
            {
                problems.Add(new ParseProblem($"line {i + 1}", $"the change to '{newPath ?? oldPath}' has no hunks"));
                return ParseResult<ModelPatch>.Failed(problems.ToImmutable());
            }

            files.Add(new FilePatch(oldPath, newPath, hunks.ToImmutable()));
        }

        if (files.Count == 0)
        {
            problems.Add(new ParseProblem("line 1", "no file changes found (expected '--- a/path' and '+++ b/path' headers)"));
            return ParseResult<ModelPatch>.Failed(problems.ToImmutable());
        }

        return ParseResult<ModelPatch>.Ok(new ModelPatch(files.ToImmutable()), problems.ToImmutable());
    }

    /// <summary>
    /// Applies one file's hunks to <paramref name="original"/>. Each hunk must match exactly, at its stated line
    /// or a nearby one (git's offset); returns null with the reason otherwise.
    /// </summary>
    public static string? ApplyTo(string original, FilePatch file, out string? error)
    {
        var newline = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var endsWithNewline = original.EndsWith('\n');
        var lines = original.Replace("\r\n", "\n").Split('\n').ToList();
        if (endsWithNewline)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var shift = 0;
        foreach (var hunk in file.Hunks)
        {
            var oldLines = hunk.Lines.Where(l => l[0] != '+').Select(l => l[1..]).ToList();
            var newLines = hunk.Lines.Where(l => l[0] != '-').Select(l => l[1..]).ToList();
            var expected = Math.Max(0, hunk.OldStart - 1 + shift);
            if (hunk.OldCount == 0)
            {
                expected = Math.Min(lines.Count, hunk.OldStart + shift);
            }

            var found = FindNear(lines, oldLines, expected);
            if (found < 0)
            {
                error = $"hunk @@ -{hunk.OldStart},{hunk.OldCount} @@ does not match the current text of the file";
                return null;
            }

            lines.RemoveRange(found, oldLines.Count);
            lines.InsertRange(found, newLines);
            shift += newLines.Count - oldLines.Count + (found - expected);
        }

        error = null;
        var builder = new StringBuilder();
        builder.AppendJoin(newline, lines);
        if (endsWithNewline && lines.Count > 0)
        {
            builder.Append(newline);
        }

        return builder.ToString();
    }

    private static int FindNear(List<string> lines, List<string> block, int expected)
    {
        const int MaxOffset = 50;
        for (var offset = 0; offset <= MaxOffset; offset++)
        {
            foreach (var start in offset == 0 ? [expected] : new[] { expected - offset, expected + offset })
            {
                if (start >= 0 && start + block.Count <= lines.Count && Matches(lines, block, start))
                {
                    return start;
                }
            }
        }

        return -1;
    }

    private static bool Matches(List<string> lines, List<string> block, int start)
    {
        for (var k = 0; k < block.Count; k++)
        {
            if (!string.Equals(lines[start + k].TrimEnd('\r'), block[k].TrimEnd('\r'), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string? ParsePath(string header)
    {
        // "a/src/x.cs\t2024-01-01" → "src/x.cs"; keep everything else verbatim so the checker can reject it.
        var path = header.Split('\t')[0].Trim();
        if (path == "/dev/null")
        {
            return null;
        }

        if (path.Length > 2 && (path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal)))
        {
            path = path[2..];
        }

        return path;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^@@ -(?<os>\d{1,7})(,(?<oc>\d{1,7}))? \+(?<ns>\d{1,7})(,(?<nc>\d{1,7}))? @@")]
    private static partial Regex HunkHeader();
}
