using System.Text.RegularExpressions;

namespace Heal.Architecture.Tests;

/// <summary>Heal.Core does no I/O (docs/ARCHITECTURE.md): a banned-API list over its sources.</summary>
public sealed partial class CoreInvariantTests
{
    private static readonly string[] s_banned =
    [
        "System.IO.File", "File.", "Directory.", "FileStream", "StreamReader", "StreamWriter", "Console.",
        "HttpClient", "Socket", "Process.", "Environment.", "DateTime.Now", "DateTime.UtcNow",
        "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Task.Delay", "Thread.Sleep", "Random.Shared",
    ];

    [Fact]
    public void CoreSources_NoIoClockOrEnvironment()
    {
        var offenders = new List<string>();
        var root = Path.Combine(RepositoryRoot.Path, "server", "Heal.Core");
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = CommentPattern().Replace(lines[i], string.Empty);
                foreach (var banned in s_banned)
                {
                    if (Regex.IsMatch(code, @"(?<!\w)" + Regex.Escape(banned)))
                    {
                        offenders.Add($"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{i + 1}: {banned}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "Heal.Core must do no I/O:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void CoreProject_NoPackageReferences()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "server", "Heal.Core", "Heal.Core.csproj"));
        Assert.DoesNotContain("PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("FrameworkReference", project, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"//.*$|""(?:[^""\\]|\\.)*""")]
    private static partial Regex CommentPattern();
}
