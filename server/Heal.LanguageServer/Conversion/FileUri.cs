namespace Heal.LanguageServer.Conversion;

/// <summary>file:// URIs to local paths and back, as editors send them (percent-encoded, forward slashes).</summary>
public static class FileUri
{
    public static string? ToPath(string? uri) =>
        uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : null;

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
