namespace Heal.Feed.Tests.Processes;

/// <summary>Where the tests find the repository's files and the built CLI.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository's root: the first folder above the test binaries that holds <c>Heal.Lsp.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The CLI, copied beside the test binaries because the test project references Heal.Cli.</summary>
    public static string HealDll { get; } = Path.Combine(AppContext.BaseDirectory, "heal.dll");

    public static string Clients => Path.Combine(Root, "tests", "clients");

    /// <summary>The one-based number of the first line of <paramref name="file"/> containing <paramref name="text"/>.</summary>
    public static int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in {file}");
        return index + 1;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Heal.Lsp.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Heal.Lsp.sln above {AppContext.BaseDirectory}");
    }
}
