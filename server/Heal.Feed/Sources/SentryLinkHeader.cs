namespace Heal.Feed.Sources;

/// <summary>
/// Sentry's pagination header: <c>&lt;url&gt;; rel="previous"; results="false"; cursor="0:0:1", &lt;url&gt;; rel="next";
/// results="true"; cursor="0:100:0"</c>. Only the cursor is taken; the URL is ignored, so a response can never send the
/// token to another host.
/// </summary>
internal static class SentryLinkHeader
{
    /// <summary>The cursor of the next page when the header says it has results; otherwise null.</summary>
    public static string? NextCursor(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        foreach (var link in SplitLinks(header))
        {
            var parameters = Parameters(link);
            if (parameters.GetValueOrDefault("rel") == "next" && parameters.GetValueOrDefault("results") == "true"
                && parameters.GetValueOrDefault("cursor") is { Length: > 0 } cursor)
            {
                return cursor;
            }
        }

        return null;
    }

    /// <summary>Splits on the commas between links, not on commas inside a <c>&lt;url&gt;</c> or a quoted value.</summary>
    private static IEnumerable<string> SplitLinks(string header)
    {
        var start = 0;
        var inUrl = false;
        var inQuotes = false;
        for (var i = 0; i < header.Length; i++)
        {
            switch (header[i])
            {
                case '<' when !inQuotes:
                    inUrl = true;
                    break;
                case '>' when !inQuotes:
                    inUrl = false;
                    break;
                case '"' when !inUrl:
                    inQuotes = !inQuotes;
                    break;
                case ',' when !inUrl && !inQuotes:
                    yield return header[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return header[start..];
    }

    private static Dictionary<string, string> Parameters(string link)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var afterUrl = link.IndexOf('>', StringComparison.Ordinal);
        foreach (var part in link[(afterUrl + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            parameters[part[..equals].Trim()] = part[(equals + 1)..].Trim().Trim('"');
        }

        return parameters;
    }
}
