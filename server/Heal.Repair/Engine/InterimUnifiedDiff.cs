using System.Text;

namespace Heal.Repair.Engine;

/// <summary>
/// A stand-in for <c>Heal.Core.Diffs.UnifiedDiff.Create</c> until that lands: a git-format unified diff of
/// one file with three lines of context. Trims the common head and tail, then diffs the rest by longest
/// common subsequence, which is plenty for the small edits rules make.
/// </summary>
internal static class InterimUnifiedDiff
{
    private const int ContextLines = 3;

    public static string Create(string relativePath, string oldText, string newText)
    {
        var (oldLines, oldEndsWithNewline) = Split(oldText);
        var (newLines, newEndsWithNewline) = Split(newText);
        var script = Script(oldLines, newLines);
        var output = new StringBuilder();
        output.Append("diff --git a/").Append(relativePath).Append(" b/").Append(relativePath).Append('\n');
        output.Append("--- a/").Append(relativePath).Append('\n');
        output.Append("+++ b/").Append(relativePath).Append('\n');

        var changed = script.Select((op, i) => (op, i)).Where(x => x.op.Kind != ' ').Select(x => x.i).ToList();
        var index = 0;
        while (index < changed.Count)
        {
            var start = Math.Max(0, changed[index] - ContextLines);
            var end = changed[index];
            while (index + 1 < changed.Count && changed[index + 1] - end <= 2 * ContextLines)
            {
                end = changed[++index];
            }

            end = Math.Min(script.Count - 1, end + ContextLines);
            index++;
            var oldStart = script.Take(start).Count(o => o.Kind != '+');
            var newStart = script.Take(start).Count(o => o.Kind != '-');
            var hunk = script.Skip(start).Take(end - start + 1).ToList();
            var oldCount = hunk.Count(o => o.Kind != '+');
            var newCount = hunk.Count(o => o.Kind != '-');
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            foreach (var op in hunk)
            {
                output.Append(op.Kind).Append(op.Text).Append('\n');
                var lastOld = op.Kind != '+' && op.OldIndex == oldLines.Length - 1 && !oldEndsWithNewline;
                var lastNew = op.Kind != '-' && op.NewIndex == newLines.Length - 1 && !newEndsWithNewline;
                if ((op.Kind == '-' && lastOld) || (op.Kind == '+' && lastNew) || (op.Kind == ' ' && (lastOld || lastNew)))
                {
                    output.Append("\\ No newline at end of file\n");
                }
            }
        }

        return output.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : $"{start + 1},{count}";

    private static (string[] Lines, bool EndsWithNewline) Split(string text)
    {
        if (text.Length == 0)
        {
            return ([], true);
        }

        var endsWithNewline = text.EndsWith('\n');
        var lines = (endsWithNewline ? text[..^1] : text).Split('\n');
        return (lines, endsWithNewline);
    }

    private static List<(char Kind, string Text, int OldIndex, int NewIndex)> Script(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var script = new List<(char, string, int, int)>();
        for (var k = 0; k < prefix; k++)
        {
            script.Add((' ', a[k], k, k));
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                script.Add((' ', a[prefix + x], prefix + x, prefix + y));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Deletions before insertions, as git prints them.
                script.Add(('-', a[prefix + x], prefix + x, -1));
                x++;
            }
            else
            {
                script.Add(('+', b[prefix + y], -1, prefix + y));
                y++;
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            script.Add((' ', a[a.Length - suffix + k], a.Length - suffix + k, b.Length - suffix + k));
        }

        return script;
    }
}
