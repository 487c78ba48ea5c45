using System.Text.RegularExpressions;

namespace Heal.Core.Grouping;

/// <summary>
/// Replaces the parts of an error message that vary between occurrences of one bug (ids, numbers, quoted
/// values, paths, …) with placeholders, so that "Order 41 not found" and "Order 42 not found" group together.
/// </summary>
public static partial class MessageNormalizer
{
    public const int MaxLength = 1024;

    public static string Normalize(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "";
        }

        // Only the head of a message identifies it; hostile megabyte messages must not cost regex time.
        var text = message.Length > MaxLength ? message[..MaxLength] : message;
        text = Url().Replace(text, "<url>");
        text = Email().Replace(text, "<email>");
        text = Quoted().Replace(text, "<quoted>");
        text = Guid().Replace(text, "<guid>");
        text = IsoDate().Replace(text, "<date>");
        text = WindowsPath().Replace(text, "<path>");
        text = UnixPath().Replace(text, "<path>");
        text = HexId().Replace(text, "<hex>");
        text = Number().Replace(text, "<num>");
        return Whitespace().Replace(text, " ").Trim();
    }

    // No match timeouts: a timeout throws, the patterns do not backtrack badly and the input is capped.
    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s'""`<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b[\w.+\-]+@[\w\-]+(\.[\w\-]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // A quote counts only at a word boundary, so the apostrophes of "can't" and "user's" are left alone.
    [GeneratedRegex(@"(?<!\w)'[^'\r\n]{0,200}'(?!\w)|(?<!\w)""[^""\r\n]{0,200}""(?!\w)|(?<!\w)`[^`\r\n]{0,200}`(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}:?\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b[A-Za-z]:\\[^\s'""`<>|]*", RegexOptions.CultureInvariant)]
    private static partial Regex WindowsPath();

    // A sentence's full stop after a path is not part of it.
    [GeneratedRegex(@"(?<![\w/.<>])(\.{1,2}/|~/|/)[\w.\-@~+]+(/[\w.\-@~+]*)+(?<!\.)|(?<![\w/.<>])/[\w\-@~+]+\.[\w]+", RegexOptions.CultureInvariant)]
    private static partial Regex UnixPath();

    [GeneratedRegex(@"\b0[xX][0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex HexId();

    [GeneratedRegex(@"(?<![\w<])\d+([.,]\d+)*(?![\w>])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
