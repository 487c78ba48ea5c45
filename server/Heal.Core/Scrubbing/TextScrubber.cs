using System.Text;

namespace Heal.Core.Scrubbing;

/// <summary>
/// Finds secrets inside free text and replaces them with <see cref="Filtered"/>: PEM private-key blocks, bearer tokens,
/// the value of <c>key=value</c> / <c>key: value</c> / <c>"key":"value"</c> pairs whose key names a secret, card numbers
/// (13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check) and IBANs (that pass the mod-97
/// check). The checksums keep order numbers, timestamps and ids from being mistaken for cards or accounts.
/// </summary>
public static class TextScrubber
{
    public const string Filtered = "[Filtered]";

    /// <summary>The text with every secret found replaced, or the same instance when none was found.</summary>
    public static string Scrub(string text, ScrubOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (text.Length < 6)
        {
            return text;
        }

        List<(int Start, int End)>? ranges = null;
        PrivateKeys(text, ref ranges);
        BearerTokens(text, ref ranges);
        KeyValues(text, options, ref ranges);
        CardNumbers(text, ref ranges);
        Ibans(text, ref ranges);
        if (ranges is null)
        {
            return text;
        }

        ranges.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, end) in ranges)
        {
            if (start < position)
            {
                // Overlaps a range already replaced (a bearer token inside a filtered header value).
                continue;
            }

            result.Append(text, position, start - position).Append(Filtered);
            position = end;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// A cheap test on a JSON string's raw bytes: false means <see cref="Scrub"/> cannot find anything there, so the
    /// caller need not decode it. Digits, pair separators and the markers of keys and tokens make it true.
    /// </summary>
    public static bool MightContainSecret(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 6)
        {
            return false;
        }

        if (raw.IndexOfAny((byte)'=', (byte)':') >= 0 || raw.IndexOf("earer"u8) >= 0 || raw.IndexOf("EARER"u8) >= 0 || raw.IndexOf("-----"u8) >= 0)
        {
            return true;
        }

        var digits = 0;
        foreach (var b in raw)
        {
            if (b - (uint)'0' <= 9 && ++digits >= 10)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(ref List<(int, int)>? ranges, int start, int end) => (ranges ??= []).Add((start, end));

    private static void PrivateKeys(string text, ref List<(int, int)>? ranges)
    {
        var from = 0;
        while (from < text.Length)
        {
            var begin = text.IndexOf("-----BEGIN ", from, StringComparison.Ordinal);
            if (begin < 0)
            {
                return;
            }

            var headerEnd = text.IndexOf("-----", begin + 11, StringComparison.Ordinal);
            if (headerEnd < 0 || !text.AsSpan(begin, headerEnd - begin).Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                from = begin + 11;
                continue;
            }

            var end = text.IndexOf("-----END ", headerEnd + 5, StringComparison.Ordinal);
            var close = end < 0 ? -1 : text.IndexOf("-----", end + 9, StringComparison.Ordinal);
            var stop = close < 0 ? text.Length : close + 5;
            Add(ref ranges, begin, stop);
            from = stop;
        }
    }

    private static void BearerTokens(string text, ref List<(int, int)>? ranges)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf("bearer", from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return;
            }

            from = at + 6;
            if (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]))
            {
                continue;
            }

            var start = from;
            while (start < text.Length && text[start] is ' ' or '\t')
            {
                start++;
            }

            var end = start;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            if (start > from && end - start >= 4 && !text.AsSpan(start, end - start).SequenceEqual(Filtered))
            {
                Add(ref ranges, start, end);
                from = end;
            }
        }
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '=';

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary><c>password=…</c>, <c>X-Api-Key: …</c>, <c>"token":"…"</c>: the value of a pair whose key holds a secret word.</summary>
    private static void KeyValues(string text, ScrubOptions options, ref List<(int, int)>? ranges)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = options.IndexOfSecretWord(text.AsSpan(from));
            if (found < 0)
            {
                return;
            }

            var at = from + found;
            var keyEnd = at;
            while (keyEnd < text.Length && IsKeyChar(text[keyEnd]))
            {
                keyEnd++;
            }

            from = Math.Max(keyEnd, at + 1);
            var i = keyEnd;
            if (i < text.Length && text[i] is '"' or '\'')
            {
                i++;
            }

            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= text.Length || text[i] is not ('=' or ':'))
            {
                continue;
            }

            i++;
            if (i < text.Length && text[i - 1] == ':' && text[i] == '/')
            {
                // A URL scheme ("session://"), not a pair.
                continue;
            }

            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            int start, end;
            if (i < text.Length && text[i] is '"' or '\'')
            {
                var quote = text[i];
                start = i + 1;
                end = start;
                while (end < text.Length && text[end] != quote)
                {
                    end += text[end] == '\\' && end + 1 < text.Length ? 2 : 1;
                }

                end = Math.Min(end, text.Length);
            }
            else
            {
                start = i;
                end = start;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('&' or ';' or ',' or '"' or '\'' or '}' or ']' or ')' or '<' or '>'))
                {
                    end++;
                }
            }

            var value = text.AsSpan(start, end - start);
            if (end > start && !value.SequenceEqual(Filtered) && !value.SequenceEqual("null") && !value.SequenceEqual("true") && !value.SequenceEqual("false"))
            {
                Add(ref ranges, start, end);
                from = Math.Max(from, end);
            }
        }
    }

    /// <summary>13 to 19 digits in groups joined by single spaces or dashes, starting 2 to 6 (the card networks), passing Luhn.</summary>
    private static void CardNumbers(string text, ref List<(int, int)>? ranges)
    {
        var groups = new List<(int Start, int End)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            // A run of digit groups separated by one space or dash.
            groups.Clear();
            var start = i;
            while (true)
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                groups.Add((start, i));
                if (i + 1 < text.Length && text[i] is ' ' or '-' && char.IsAsciiDigit(text[i + 1]))
                {
                    start = ++i;
                    continue;
                }

                break;
            }

            for (var first = 0; first < groups.Count; first++)
            {
                var digits = 0;
                for (var last = first; last < groups.Count; last++)
                {
                    digits += groups[last].End - groups[last].Start;
                    if (digits > 19)
                    {
                        break;
                    }

                    if (digits >= 13 && text[groups[first].Start] is >= '2' and <= '6' && Luhn(text, groups[first].Start, groups[last].End))
                    {
                        Add(ref ranges, groups[first].Start, groups[last].End);
                        first = last;
                        break;
                    }
                }
            }
        }
    }

    private static bool Luhn(string text, int start, int end)
    {
        var sum = 0;
        var doubled = false;
        for (var i = end - 1; i >= start; i--)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var digit = text[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>Two letters, two check digits, 11 to 30 letters or digits (spaces allowed between groups of four), mod 97 = 1.</summary>
    private static void Ibans(string text, ref List<(int, int)>? ranges)
    {
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            if (!(char.IsAsciiLetterUpper(text[i]) && char.IsAsciiLetterUpper(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])))
            {
                continue;
            }

            if (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            // Candidate ends: after each letter or digit, up to 34 of them, spaces only between groups of four.
            var ends = new List<(int End, int Count)>();
            var count = 0;
            var j = i;
            while (j < text.Length && count < 34)
            {
                var c = text[j];
                if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
                {
                    count++;
                    j++;
                    ends.Add((j, count));
                }
                else if (c == ' ' && count % 4 == 0 && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            for (var k = ends.Count - 1; k >= 0; k--)
            {
                var (end, length) = ends[k];
                if (length < 15)
                {
                    break;
                }

                if ((end == text.Length || !char.IsAsciiLetterOrDigit(text[end])) && Mod97(text, i, end) == 1)
                {
                    Add(ref ranges, i, end);
                    i = end;
                    break;
                }
            }
        }
    }

    /// <summary>The IBAN check: the first four characters moved to the end, letters as 10 to 35, the number mod 97.</summary>
    private static int Mod97(string text, int start, int end)
    {
        var remainder = 0;
        void Digit(int value) => remainder = ((remainder * 10) + value) % 97;
        void Char(char c)
        {
            if (char.IsAsciiDigit(c))
            {
                Digit(c - '0');
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                var value = c - 'A' + 10;
                Digit(value / 10);
                Digit(value % 10);
            }
        }

        for (var i = start + 4; i < end; i++)
        {
            Char(text[i]);
        }

        for (var i = start; i < start + 4; i++)
        {
            Char(text[i]);
        }

        return remainder;
    }
}
