using System.Collections.Immutable;

namespace Heal.Repair.Linking;

/// <summary>
/// Turns a path as some build or runtime machine reported it into segments to match against the workspace:
/// Linux CI (<c>/home/runner/work/r/r/src/A.cs</c>), Windows agents (<c>C:\agent\_work\1\s\src\A.cs</c>),
/// deterministic builds (<c>/_/src/A.cs</c>), URLs (<c>file:///</c>, <c>webpack:///</c>, <c>app:///</c>),
/// bare names and relative paths. Only the segments after the last <c>..</c> are kept, so a path can never
/// climb out of the repository; the workspace index decides which file, if any, they name.
/// </summary>
public static class FramePath
{
    private static readonly string[] s_schemes = ["file://", "webpack://", "webpack-internal://", "app://", "async "];

    public static ImmutableArray<string> Segments(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return ImmutableArray<string>.Empty;
        }

        var text = path.Trim();
        foreach (var scheme in s_schemes)
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                text = text[scheme.Length..];
            }
        }

        // A query string or fragment (bundlers add them) is not part of the file name.
        var query = text.IndexOfAny(['?', '#']);
        if (query > 0)
        {
            text = text[..query];
        }

        text = text.Replace('\\', '/');
        if (text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':')
        {
            text = text[2..];
        }

        var segments = ImmutableArray.CreateBuilder<string>();
        foreach (var segment in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                segments.Clear();
            }
            else if (segment != "." && segment != "~")
            {
                segments.Add(segment);
            }
        }

        return segments.ToImmutable();
    }

    /// <summary>True for paths that name a location on some machine rather than inside a repository.</summary>
    public static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        || path.Contains("://", StringComparison.Ordinal);
}
