using Heal.Core.Model;

namespace Heal.Core.Diffs;

/// <summary>Applies one <see cref="FilePatch"/> to a text; see <see cref="Patch.ApplyTo"/>.</summary>
internal static class PatchApplier
{
    public static ParseResult<string> Apply(string originalText, FilePatch file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsNew && originalText.Length > 0)
        {
            return Fail("file", $"The patch creates '{file.Path}', but the file already has content.");
        }

        var original = TextLine.Split(originalText);
        var result = new List<TextLine>(original.Count);
        var cursor = 0;
        var delta = 0;
        for (var h = 0; h < file.Hunks.Length; h++)
        {
            var hunk = file.Hunks[h];
            var expected = hunk.OldLines.Select(l => new TextLine(l.Text, l.NoNewlineAtEnd)).ToList();
            // A zero-length old range names the line after which to insert.
            var stated = (hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart - 1) + delta;
            var at = Find(original, expected, stated, cursor);
            if (at is not { } position)
            {
                return Fail($"hunk {h + 1}", Describe(hunk, original, expected, stated));
            }

            result.AddRange(original.Skip(cursor).Take(position - cursor));
            result.AddRange(hunk.NewLines.Select(l => new TextLine(l.Text, l.NoNewlineAtEnd)));
            cursor = position + expected.Count;
            delta = position - (hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart - 1);
        }

        result.AddRange(original.Skip(cursor));
        for (var i = 0; i < result.Count - 1; i++)
        {
            if (result[i].NoNewlineAtEnd)
            {
                return Fail("file", $"The patch marks line {i + 1} of the result as the file's last line ('No newline at end of file'), but lines follow it.");
            }
        }

        return ParseResult<string>.Ok(TextLine.Join(result));
    }

    /// <summary>The exact match nearest the stated line, searching outwards up to <see cref="Patch.MaxOffset"/>, never before <paramref name="cursor"/>.</summary>
    private static int? Find(List<TextLine> original, List<TextLine> expected, int stated, int cursor)
    {
        for (var offset = 0; offset <= Patch.MaxOffset; offset++)
        {
            foreach (var candidate in offset == 0 ? [stated] : new[] { stated - offset, stated + offset })
            {
                if (candidate >= cursor && candidate + expected.Count <= original.Count && Matches(original, expected, candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool Matches(List<TextLine> original, List<TextLine> expected, int at)
    {
        for (var i = 0; i < expected.Count; i++)
        {
            if (original[at + i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(Hunk hunk, List<TextLine> original, List<TextLine> expected, int stated)
    {
        var firstLine = stated + 1;
        if (expected.Count == 0)
        {
            return $"{hunk.Header} inserts after line {stated}, but the file has only {original.Count} lines.";
        }

        // Name the first line that differs at the stated position: that is what a reader needs to see.
        for (var i = 0; i < expected.Count; i++)
        {
            var index = stated + i;
            if (index < 0 || index >= original.Count)
            {
                return $"{hunk.Header} does not apply: it expects line {index + 1} to be '{Show(expected[i])}', but the file has {original.Count} lines (searched ±{Patch.MaxOffset}).";
            }

            if (original[index] != expected[i])
            {
                return $"{hunk.Header} does not apply: line {index + 1} is '{Show(original[index])}', the patch expects '{Show(expected[i])}' (no match within ±{Patch.MaxOffset} lines of line {firstLine}).";
            }
        }

        return $"{hunk.Header} does not apply at line {firstLine}: it overlaps the previous hunk.";
    }

    private static string Show(TextLine line)
    {
        var text = line.Text.Length > 100 ? line.Text[..100] + "…" : line.Text;
        return line.NoNewlineAtEnd ? text + " [no newline at end of file]" : text;
    }

    private static ParseResult<string> Fail(string location, string message) =>
        ParseResult<string>.Failed(new ParseProblem(location, message));
}
