using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Core.Parsing;

namespace Heal.Core.Diffs;

/// <summary>Reads unified diff text into a <see cref="Patch"/>; see <see cref="Patch.Parse"/>.</summary>
internal static partial class PatchParser
{
    public static ParseResult<Patch> Parse(string diffText)
    {
        var problems = new ProblemList();
        var lines = diffText.Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            // The final line feed ends the last line; it does not start an empty one.
            lines = lines[..^1];
        }
        var files = ImmutableArray.CreateBuilder<FilePatch>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.StartsWith("diff --git ", StringComparison.Ordinal) || (line.StartsWith("--- ", StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal)))
            {
                i = ReadFile(lines, i, files, problems);
            }
            else
            {
                i++;
            }
        }

        if (files.Count == 0 && problems.Count == 0)
        {
            problems.Add("line 1", "No file changes were found (expected 'diff --git' or '---'/'+++' headers).");
        }

        return problems.Count > 0
            ? ParseResult<Patch>.Failed(problems.ToImmutable())
            : ParseResult<Patch>.Ok(new Patch(files.ToImmutable()));
    }

    private static int ReadFile(string[] lines, int i, ImmutableArray<FilePatch>.Builder files, ProblemList problems)
    {
        var headerLine = i + 1;
        string? gitOld = null, gitNew = null;
        if (lines[i].StartsWith("diff --git ", StringComparison.Ordinal))
        {
            (gitOld, gitNew) = SplitGitHeader(lines[i]["diff --git ".Length..].TrimEnd('\r'));
            i++;
        }

        string? oldPath = gitOld, newPath = gitNew;
        var isNew = false;
        var isDeleted = false;
        // Extended headers (index, mode, rename, similarity) until the ---/+++ pair or the next file.
        while (i < lines.Length && !lines[i].StartsWith("@@", StringComparison.Ordinal) && !lines[i].StartsWith("diff --git ", StringComparison.Ordinal))
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                oldPath = HeaderPath(line[4..], "a/", out isNew);
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                newPath = HeaderPath(line[4..], "b/", out isDeleted);
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal))
            {
                oldPath = line["rename from ".Length..];
            }
            else if (line.StartsWith("rename to ", StringComparison.Ordinal))
            {
                newPath = line["rename to ".Length..];
            }
            else if (line.StartsWith("new file mode", StringComparison.Ordinal))
            {
                isNew = true;
            }
            else if (line.StartsWith("deleted file mode", StringComparison.Ordinal))
            {
                isDeleted = true;
            }
            else if (line.StartsWith("Binary files ", StringComparison.Ordinal) || line.StartsWith("GIT binary patch", StringComparison.Ordinal))
            {
                problems.Add($"line {i + 1}", "Binary patches are not supported.");
            }

            i++;
        }

        var location = $"line {headerLine}";
        if (isNew)
        {
            oldPath = null;
        }

        if (isDeleted)
        {
            newPath = null;
        }

        if (oldPath is null && newPath is null)
        {
            problems.Add(location, "The file header names no path.");
        }

        var safe = CheckPath(oldPath, location, problems) & CheckPath(newPath, location, problems);
        var hunks = ImmutableArray.CreateBuilder<Hunk>();
        while (i < lines.Length && lines[i].StartsWith("@@", StringComparison.Ordinal))
        {
            i = ReadHunk(lines, i, hunks, problems);
        }

        // A new or deleted empty file, or a pure rename, carries no hunks; a modification must.
        if (hunks.Count == 0 && !isNew && !isDeleted && oldPath == newPath)
        {
            problems.Add(location, $"The patch for '{newPath ?? oldPath}' has no hunks.");
        }

        if (safe)
        {
            files.Add(new FilePatch(oldPath, newPath, hunks.ToImmutable()));
        }

        return i;
    }

    private static int ReadHunk(string[] lines, int i, ImmutableArray<Hunk>.Builder hunks, ProblemList problems)
    {
        var header = lines[i].TrimEnd('\r');
        var location = $"line {i + 1}";
        var match = HunkHeader().Match(header);
        if (!match.Success)
        {
            problems.Add(location, $"Malformed hunk header '{Preview(header)}'.");
            return i + 1;
        }

        var oldStart = Number(match.Groups["os"].Value);
        var oldCount = match.Groups["oc"].Success ? Number(match.Groups["oc"].Value) : 1;
        var newStart = Number(match.Groups["ns"].Value);
        var newCount = match.Groups["nc"].Success ? Number(match.Groups["nc"].Value) : 1;
        if (oldStart < 0 || oldCount < 0 || newStart < 0 || newCount < 0)
        {
            problems.Add(location, $"Hunk header numbers are out of range in '{Preview(header)}'.");
            return i + 1;
        }

        i++;
        var body = ImmutableArray.CreateBuilder<HunkLine>();
        int oldSeen = 0, newSeen = 0;
        while (i < lines.Length && (oldSeen < oldCount || newSeen < newCount))
        {
            var line = lines[i];
            if (line.StartsWith('\\'))
            {
                MarkNoNewline(body);
                i++;
                continue;
            }

            // Some editors strip the single space of an empty context line.
            var kind = line.Length == 0 ? ' ' : line[0];
            var text = line.Length == 0 ? "" : line[1..];
            switch (kind)
            {
                case ' ':
                    body.Add(new HunkLine(HunkLineKind.Context, text));
                    oldSeen++;
                    newSeen++;
                    break;
                case '-':
                    body.Add(new HunkLine(HunkLineKind.Removed, text));
                    oldSeen++;
                    break;
                case '+':
                    body.Add(new HunkLine(HunkLineKind.Added, text));
                    newSeen++;
                    break;
                default:
                    problems.Add($"line {i + 1}", $"Hunk {header} ends early: expected {oldCount} old and {newCount} new lines, found {oldSeen} and {newSeen}.");
                    return i;
            }

            i++;
        }

        if (oldSeen != oldCount || newSeen != newCount)
        {
            problems.Add(location, $"Hunk {header} does not match its line counts: found {oldSeen} old and {newSeen} new lines.");
        }

        // The marker after the hunk's last line.
        if (i < lines.Length && lines[i].StartsWith('\\'))
        {
            MarkNoNewline(body);
            i++;
        }

        hunks.Add(new Hunk(oldStart, oldCount, newStart, newCount, body.ToImmutable()));
        return i;
    }

    private static void MarkNoNewline(ImmutableArray<HunkLine>.Builder body)
    {
        if (body.Count > 0)
        {
            body[^1] = body[^1] with { NoNewlineAtEnd = true };
        }
    }

    private static int Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    /// <summary>Splits <c>a/x b/x</c>; when paths contain spaces, the two halves are equal for a modification.</summary>
    private static (string? Old, string? New) SplitGitHeader(string rest)
    {
        if (rest.StartsWith('"'))
        {
            return (null, null);
        }

        var middle = rest.Length / 2;
        if (rest.Length % 2 == 1 && rest[middle] == ' ')
        {
            var left = rest[..middle];
            var right = rest[(middle + 1)..];
            if (left.StartsWith("a/", StringComparison.Ordinal) && right.StartsWith("b/", StringComparison.Ordinal) && left[2..] == right[2..])
            {
                return (left[2..], right[2..]);
            }
        }

        var split = rest.IndexOf(" b/", StringComparison.Ordinal);
        if (split > 0 && rest.StartsWith("a/", StringComparison.Ordinal))
        {
            return (rest[2..split], rest[(split + 3)..]);
        }

        return (null, null);
    }

    private static string? HeaderPath(string value, string prefix, out bool devNull)
    {
        // A tab separates an optional timestamp (diff -u).
        var tab = value.IndexOf('\t');
        var path = (tab >= 0 ? value[..tab] : value).Trim();
        if (path.Length >= 2 && path[0] == '"' && path[^1] == '"')
        {
            path = Unquote(path[1..^1]);
        }

        devNull = path == "/dev/null";
        if (devNull)
        {
            return null;
        }

        return path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
    }

    private static string Unquote(string quoted) =>
        quoted.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>A path must stay inside the repository: relative, forward slashes, no '..', no NUL.</summary>
    private static bool CheckPath(string? path, string location, ProblemList problems)
    {
        if (path is null)
        {
            return true;
        }

        var ok = true;
        var shown = Preview(path.Replace('\0', '?'));
        if (path.Length == 0)
        {
            problems.Add(location, "A file path is empty.");
            return false;
        }

        if (path.StartsWith('/') || path.StartsWith('~') || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            problems.Add(location, $"The path '{shown}' is absolute; patch paths must be relative to the repository.");
            ok = false;
        }

        if (path.Split('/', '\\').Any(segment => segment == ".."))
        {
            problems.Add(location, $"The path '{shown}' contains '..'; patch paths must stay inside the repository.");
            ok = false;
        }

        if (path.Contains('\\'))
        {
            problems.Add(location, $"The path '{shown}' contains a backslash; patch paths use forward slashes.");
            ok = false;
        }

        if (path.Contains('\0'))
        {
            problems.Add(location, $"The path '{shown}' contains a NUL character.");
            ok = false;
        }

        return ok;
    }

    private static string Preview(string text) => text.Length > 120 ? text[..120] + "…" : text;

    [GeneratedRegex(@"^@@ -(?<os>\d{1,9})(,(?<oc>\d{1,9}))? \+(?<ns>\d{1,9})(,(?<nc>\d{1,9}))? @@", RegexOptions.CultureInvariant)]
    private static partial Regex HunkHeader();
}
