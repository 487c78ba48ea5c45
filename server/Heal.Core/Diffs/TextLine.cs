namespace Heal.Core.Diffs;

/// <summary>A line of a file as diffs see it: its text (with any '\r') and whether it ends the file without a line feed.</summary>
internal readonly record struct TextLine(string Text, bool NoNewlineAtEnd)
{
    /// <summary>Splits on '\n' only, so a CRLF file round-trips byte for byte with its '\r' kept in each line.</summary>
    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (start < text.Length)
        {
            var feed = text.IndexOf('\n', start);
            if (feed < 0)
            {
                lines.Add(new TextLine(text[start..], NoNewlineAtEnd: true));
                break;
            }

            lines.Add(new TextLine(text[start..feed], NoNewlineAtEnd: false));
            start = feed + 1;
        }

        return lines;
    }

    public static string Join(IEnumerable<TextLine> lines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Text);
            if (!line.NoNewlineAtEnd)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
