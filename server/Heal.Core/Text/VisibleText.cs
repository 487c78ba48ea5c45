using System.Globalization;
using System.Text;

namespace Heal.Core.Text;

/// <summary>
/// Makes invisible characters visible. Event text may carry bidirectional overrides (U+202E), zero-width characters,
/// line separators and other control or format characters that make a reviewer read something other than what is
/// there; wherever such text reaches a commit, a branch, a test or a pull request, each of them is written as
/// <c>&lt;U+202E&gt;</c> instead.
/// </summary>
public static class VisibleText
{
    /// <param name="keepLineBreaks">Keep <c>\n</c> and <c>\t</c> (a multi-line block); else they are escaped too.</param>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        var index = IndexOfUnsafe(text, keepLineBreaks);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, index);
        for (var i = index; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsUnsafe(CharUnicodeInfo.GetUnicodeCategory(codePoint)))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"<U+{codePoint:X4}>");
                }
                else
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (IsUnsafe(c, keepLineBreaks))
            {
                builder.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True for control, format (bidirectional, zero-width), line and paragraph separator characters and lone surrogates.</summary>
    public static bool IsUnsafe(char c, bool keepLineBreaks = false)
    {
        if (keepLineBreaks && c is '\n' or '\t')
        {
            return false;
        }

        return char.IsSurrogate(c) || IsUnsafe(char.GetUnicodeCategory(c));
    }

    private static bool IsUnsafe(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;

    private static int IndexOfUnsafe(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i], keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }
}
