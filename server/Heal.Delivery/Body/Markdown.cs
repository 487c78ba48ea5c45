using System.Text.RegularExpressions;

namespace Heal.Delivery.Body;

/// <summary>Puts untrusted text into Markdown so it shows as text: no mentions, links, images or HTML.</summary>
public static partial class Markdown
{
    /// <summary>An inline code span whose fence is longer than any backtick run inside.</summary>
    public static string Code(string? text)
    {
        var value = OneLine(text ?? string.Empty);
        if (value.Length == 0)
        {
            return "—";
        }

        var fence = new string('`', LongestBacktickRun(value) + 1);
        var pad = value.StartsWith('`') || value.EndsWith('`') ? " " : string.Empty;
        return fence + pad + value + pad + fence;
    }

    /// <summary>A fenced block whose fence is longer than any backtick run inside.</summary>
    public static string Block(string text, string language = "")
    {
        var fence = new string('`', Math.Max(3, LongestBacktickRun(text) + 1));
        return $"{fence}{language}\n{text.TrimEnd('\n')}\n{fence}";
    }

    /// <summary>Text for a table cell: pipes and line breaks escaped, HTML and Markdown punctuation neutralised.</summary>
    public static string Cell(string text) =>
        MarkdownPunctuation().Replace(OneLine(text), @"\$0").Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static int LongestBacktickRun(string text) =>
        BacktickRuns().Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRuns();

    [GeneratedRegex(@"[\\`*_{}\[\]<>()#+!@~]")]
    private static partial Regex MarkdownPunctuation();
}
