namespace Heal.Testing;

/// <summary>The one multi-file fixture format: <c>//- path</c> starts a file; text up to the next header is its content.</summary>
public static class Fixture
{
    public static IReadOnlyList<(string Path, string Text)> Files(string fixture)
    {
        var files = new List<(string, string)>();
        string? path = null;
        var lines = new List<string>();
        foreach (var line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("//- ", StringComparison.Ordinal))
            {
                Flush();
                path = line[4..].Trim();
                lines.Clear();
            }
            else if (path is not null)
            {
                lines.Add(line);
            }
        }

        Flush();
        return files;

        void Flush()
        {
            if (path is not null)
            {
                files.Add((path, string.Join("\n", lines).TrimEnd('\n', ' ') + "\n"));
            }
        }
    }
}
