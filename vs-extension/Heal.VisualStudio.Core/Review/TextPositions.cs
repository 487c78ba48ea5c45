using System;

namespace Heal.VisualStudio.Core.Review;

/// <summary>
/// LSP positions in text, counted as the server counts them: zero-based lines split at <c>\n</c>, <c>\r\n</c> or
/// <c>\r</c>, characters in UTF-16 code units (.NET string indices); out-of-range positions clamp to the line or text end.
/// </summary>
public static class TextPositions
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

        return Math.Min(offset + Math.Max(character, 0), LineEnd(text, offset));
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
