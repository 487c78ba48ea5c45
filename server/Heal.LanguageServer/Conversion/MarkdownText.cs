using System.Text;

namespace Heal.LanguageServer.Conversion;

/// <summary>
/// Event text is untrusted: it is only ever shown inside code spans and fenced blocks, whose fences are longer than any
/// backtick run in the text, so nothing in an event can become a link, an image or markup.
/// </summary>
public static class MarkdownText
{
    public static string Code(string? text)
    {
        var value = (text ?? "").ReplaceLineEndings(" ");
        if (value.Length == 0)
        {
            return "` `";
        }

        var fence = new string('`', LongestRun(value) + 1);
        return $"{fence} {value} {fence}";
    }

    public static string Block(string text)
    {
        var fence = new string('`', Math.Max(3, LongestRun(text) + 1));
        return new StringBuilder().Append(fence).Append("text\n").Append(text.TrimEnd('\n')).Append('\n').Append(fence).Append('\n').ToString();
    }

    private static int LongestRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == '`' ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
