using System.Text;

namespace Heal.Core.Diffs;

/// <summary>Writes git-format unified diffs (<c>diff --git a/p b/p</c>), the form patches take everywhere in Heal.</summary>
public static class UnifiedDiff
{
    private const string NoNewlineMarker = "\\ No newline at end of file";

    /// <summary>
    /// The diff turning <paramref name="oldText"/> into <paramref name="newText"/>, or the empty string when they are equal.
    /// A null <paramref name="oldText"/> creates the file (<c>--- /dev/null</c>); a null <paramref name="newText"/> deletes it.
    /// </summary>
    public static string Create(string relativePath, string? oldText, string? newText, int context = 3)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (oldText is null && newText is null)
        {
            throw new ArgumentException("A diff needs an old or a new text.", nameof(newText));
        }

        if (oldText is not null && newText is not null && string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return "";
        }

        var oldLines = TextLine.Split(oldText ?? "");
        var newLines = TextLine.Split(newText ?? "");
        var ids = new Dictionary<TextLine, int>();
        int Intern(TextLine line) => ids.TryGetValue(line, out var id) ? id : ids[line] = ids.Count;
        var ops = LineDiff.Compute(oldLines.Select(Intern).ToArray(), newLines.Select(Intern).ToArray());

        var text = new StringBuilder();
        text.Append($"diff --git a/{relativePath} b/{relativePath}\n");
        if (oldText is null)
        {
            text.Append("new file mode 100644\n");
        }
        else if (newText is null)
        {
            text.Append("deleted file mode 100644\n");
        }

        // Like git, end a path holding a space with a tab, so readers know where it stops.
        var end = relativePath.Contains(' ', StringComparison.Ordinal) ? "\t\n" : "\n";
        text.Append(oldText is null ? "--- /dev/null\n" : $"--- a/{relativePath}{end}");
        text.Append(newText is null ? "+++ /dev/null\n" : $"+++ b/{relativePath}{end}");
        AppendHunks(text, ops, oldLines, newLines, context);
        return text.ToString();
    }

    /// <summary>One multi-file diff from several single-file ones, skipping empty ones.</summary>
    public static string Combine(params string[] fileDiffs)
    {
        var text = new StringBuilder();
        foreach (var diff in fileDiffs)
        {
            if (string.IsNullOrEmpty(diff))
            {
                continue;
            }

            text.Append(diff);
            if (!diff.EndsWith('\n'))
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static void AppendHunks(StringBuilder text, List<LineDiff.Op> ops, List<TextLine> oldLines, List<TextLine> newLines, int context)
    {
        // Positions (in the op list) of changes; a hunk spans changes closer than twice the context.
        var changes = Enumerable.Range(0, ops.Count).Where(i => ops[i] != LineDiff.Op.Equal).ToList();
        var oldBefore = new int[ops.Count + 1];
        var newBefore = new int[ops.Count + 1];
        for (var i = 0; i < ops.Count; i++)
        {
            oldBefore[i + 1] = oldBefore[i] + (ops[i] == LineDiff.Op.Insert ? 0 : 1);
            newBefore[i + 1] = newBefore[i] + (ops[i] == LineDiff.Op.Delete ? 0 : 1);
        }

        var c = 0;
        while (c < changes.Count)
        {
            var first = changes[c];
            var last = first;
            while (c + 1 < changes.Count && changes[c + 1] - last - 1 <= 2 * context)
            {
                last = changes[++c];
            }

            c++;
            var start = Math.Max(0, first - context);
            var end = Math.Min(ops.Count - 1, last + context);
            var oldCount = oldBefore[end + 1] - oldBefore[start];
            var newCount = newBefore[end + 1] - newBefore[start];
            var oldStart = oldCount == 0 ? oldBefore[start] : oldBefore[start] + 1;
            var newStart = newCount == 0 ? newBefore[start] : newBefore[start] + 1;
            text.Append($"@@ -{Hunk.Range(oldStart, oldCount)} +{Hunk.Range(newStart, newCount)} @@\n");

            // Within a run of changes git lists removals before additions.
            var i = start;
            while (i <= end)
            {
                if (ops[i] == LineDiff.Op.Equal)
                {
                    AppendLine(text, ' ', oldLines[oldBefore[i]]);
                    i++;
                    continue;
                }

                var runEnd = i;
                while (runEnd <= end && ops[runEnd] != LineDiff.Op.Equal)
                {
                    runEnd++;
                }

                for (var j = i; j < runEnd; j++)
                {
                    if (ops[j] == LineDiff.Op.Delete)
                    {
                        AppendLine(text, '-', oldLines[oldBefore[j]]);
                    }
                }

                for (var j = i; j < runEnd; j++)
                {
                    if (ops[j] == LineDiff.Op.Insert)
                    {
                        AppendLine(text, '+', newLines[newBefore[j]]);
                    }
                }

                i = runEnd;
            }
        }
    }

    private static void AppendLine(StringBuilder text, char prefix, TextLine line)
    {
        text.Append(prefix).Append(line.Text).Append('\n');
        if (line.NoNewlineAtEnd)
        {
            text.Append(NoNewlineMarker).Append('\n');
        }
    }
}
