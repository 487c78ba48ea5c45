namespace Heal.Cli.Tests;

/// <summary>The README's command reference is the CLI's own definitions rendered; they cannot drift apart.</summary>
public sealed class ReadmeReferenceTests
{
    [Fact]
    public void Readme_CommandReference_MatchesTheDefinitions()
    {
        var readme = Path.Combine(RepositoryRoot(), "README.md");
        var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
        var begin = text.IndexOf(CommandReference.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(CommandReference.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no generated command reference block");
        var expected = CommandReference.ToMarkdown(CommandLine.Build());
        var actual = text[begin..(end + CommandReference.End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("HEAL_UPDATE_README") == "1")
        {
            File.WriteAllText(readme, text[..begin] + expected + text[(end + CommandReference.End.Length)..]);
            return;
        }

        Assert.True(actual == expected, "README's command reference is out of date: run HEAL_UPDATE_README=1 dotnet test tests/Heal.Cli.Tests --filter Readme_CommandReference");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Heal.Lsp.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Heal.Lsp.sln not found above " + AppContext.BaseDirectory);
    }
}
