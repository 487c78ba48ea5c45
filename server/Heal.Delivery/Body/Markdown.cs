using System.Text;
using System.Text.RegularExpressions;
using Heal.Core.Text;

namespace Heal.Delivery.Body;

/// <summary>
/// Puts untrusted text into GitHub Markdown so it shows as exactly that text: no mentions, issue references, links,
/// images, HTML, headings, lists or table cells of its own, and no invisible characters (they are shown as
/// <c>&lt;U+202E&gt;</c>, see <see cref="VisibleText"/>).
/// </summary>
/// <remarks>
/// Two things no backslash escape stops on GitHub: mentions and issue references are found in the rendered text, and
/// extended autolinks (<c>www.</c>, <c>https://</c>, e-mail addresses) too; so a word that could become one of them is put
/// in a code span, where GitHub finds none. Inside a table, GitHub splits cells at every unescaped <c>|</c> before it
/// reads code spans, so a pipe in a cell is written <c>\|</c> even inside code (it still shows as <c>|</c>).
/// </remarks>
public static partial class Markdown
{
    private const int MaxLength = 300;

    /// <summary>An inline code span whose fence is longer than any backtick run inside.</summary>
    /// <param name="inTable">The span sits in a table cell: pipes are escaped.</param>
    public static string Code(string? text, bool inTable = false)
    {
        var value = OneLine(text ?? string.Empty);
        return value.Trim().Length == 0 ? "—" : Span(value, inTable);
    }

    /// <summary>A fenced block whose fence is longer than any backtick run inside; invisible characters are made visible.</summary>
    public static string Block(string text, string language = "")
    {
        var visible = VisibleText.Escape(text.ReplaceLineEndings("\n"), keepLineBreaks: true);
        var fence = new string('`', Math.Max(3, LongestBacktickRun(visible) + 1));
        return $"{fence}{language}\n{visible.TrimEnd('\n')}\n{fence}";
    }

    /// <summary>
    /// Prose that may quote untrusted text (a root cause, a gate's detail, a reason), on one line. Code spans in it stay
    /// code (their fence is chosen again, so identifiers render as code whatever backticks they hold); every other
    /// Markdown character is escaped; words that GitHub would turn into a mention, an issue reference or a link become code.
    /// </summary>
    /// <param name="inTable">The text sits in a table cell: pipes are escaped, also inside code.</param>
    public static string Text(string? text, bool inTable = false)
    {
        var value = OneLine(text ?? string.Empty);
        var builder = new StringBuilder(value.Length + 16);
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] != '`')
            {
                var next = value.IndexOf('`', i);
                var end = next < 0 ? value.Length : next;
                AppendPlain(builder, value[i..end], inTable);
                i = end;
                continue;
            }

            var run = RunLength(value, i);
            var close = ClosingRun(value, i + run, run);
            if (close < 0)
            {
                // An unmatched backtick run is literal text.
                builder.Append(Escape(new string('`', run)));
                i += run;
                continue;
            }

            // CommonMark strips one space on each side of a code span's content when both are there.
            var content = value[(i + run)..close];
            if (content.Length > 2 && content[0] == ' ' && content[^1] == ' ' && content.Trim().Length > 0)
            {
                content = content[1..^1];
            }

            builder.Append(content.Trim().Length == 0 ? Escape(value[i..(close + run)]) : Span(content, inTable));
            i = close + run;
        }

        return builder.ToString();
    }

    private static void AppendPlain(StringBuilder builder, string plain, bool inTable)
    {
        foreach (Match word in Words().Matches(plain))
        {
            var token = word.Value;
            if (token.Trim().Length == 0)
            {
                builder.Append(token);
            }
            else if (Linkable().IsMatch(token))
            {
                builder.Append(Span(token, inTable));
            }
            else
            {
                builder.Append(Escape(token));
            }
        }
    }

    /// <summary>A code span around <paramref name="value"/> (already one visible line).</summary>
    private static string Span(string value, bool inTable)
    {
        if (inTable)
        {
            value = value.Replace("|", "\\|", StringComparison.Ordinal);
        }

        var fence = new string('`', LongestBacktickRun(value) + 1);
        var pad = value.StartsWith('`') || value.EndsWith('`') || (value.StartsWith(' ') && value.EndsWith(' ')) ? " " : string.Empty;
        return fence + pad + value + pad + fence;
    }

    /// <summary>Every ASCII punctuation character escaped with a backslash (CommonMark allows it for all of them).</summary>
    private static string Escape(string text) => AsciiPunctuation().Replace(text, @"\$0");

    /// <summary>One line, invisible characters visible, at most <see cref="MaxLength"/> characters.</summary>
    private static string OneLine(string text)
    {
        var line = VisibleText.Escape(text.ReplaceLineEndings(" ").Replace('\t', ' ').Trim());
        return line.Length > MaxLength ? line[..MaxLength] + "…" : line;
    }

    private static int RunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`')
        {
            end++;
        }

        return end - start;
    }

    /// <summary>Where the next backtick run of exactly <paramref name="length"/> starts, or -1 (CommonMark's rule for closing a code span).</summary>
    private static int ClosingRun(string text, int from, int length)
    {
        var i = from;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var run = RunLength(text, i);
            if (run == length)
            {
                return i;
            }

            i += run;
        }

        return -1;
    }

    private static int LongestBacktickRun(string text) =>
        BacktickRuns().Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRuns();

    [GeneratedRegex(@"\s+|\S+")]
    private static partial Regex Words();

    /// <summary>A word GitHub could render as a mention, an issue or pull-request reference, an e-mail link or an autolink.</summary>
    [GeneratedRegex(@"[@#]|://|^(?:www|https?|ftp|mailto)[.:]|\bwww\.", RegexOptions.IgnoreCase)]
    private static partial Regex Linkable();

    [GeneratedRegex(@"[!""#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")]
    private static partial Regex AsciiPunctuation();
}
