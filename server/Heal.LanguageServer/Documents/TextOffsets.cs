namespace Heal.LanguageServer.Documents;

/// <summary>
/// Positions inside text the way LSP counts them: zero-based lines split at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, and
/// characters in UTF-16 code units (C# string indices). Out-of-range positions clamp to the line or text end.
/// </summary>
public static class TextOffsets
{
    public static int ToOffset(string text, int line, int character)
    {
        var offset = 0;
        for (var current = 0; current < line; current++)
        {
            var next = NextLineStart(text, offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next;
        }

        var end = LineEnd(text, offset);
        return Math.Min(offset + Math.Max(character, 0), end);
    }

    /// <summary>The text of a zero-based line without its line break, or null past the end.</summary>
    public static string? Line(string text, int line)
    {
        var offset = 0;
        for (var current = 0; current < line; current++)
        {
            offset = NextLineStart(text, offset);
            if (offset < 0)
            {
                return null;
            }
        }

        return text[offset..LineEnd(text, offset)];
    }

    public static int LineCount(string text)
    {
        var count = 1;
        for (var offset = NextLineStart(text, 0); offset >= 0; offset = NextLineStart(text, offset))
        {
            count++;
        }

        return count;
    }

    private static int LineEnd(string text, int start)
    {
        var end = text.IndexOfAny(['\r', '\n'], start);
        return end < 0 ? text.Length : end;
    }

    private static int NextLineStart(string text, int start)
    {
        var end = text.IndexOfAny(['\r', '\n'], start);
        if (end < 0)
        {
            return -1;
        }

        return text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
    }
}
