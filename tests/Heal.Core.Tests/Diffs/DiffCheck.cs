using System.Diagnostics;
using Heal.Core.Diffs;

namespace Heal.Core.Tests.Diffs;

/// <summary>The one check helper for diffs: create a diff, parse it back, apply it, and get the new text again.</summary>
internal static class DiffCheck
{
    /// <summary>Create → Parse → Apply reproduces <paramref name="newText"/>; returns the diff text.</summary>
    public static string RoundTrips(string? oldText, string? newText, int context = 3, string path = "src/App/Worker.cs")
    {
        var diff = UnifiedDiff.Create(path, oldText, newText, context);
        if (oldText == newText)
        {
            Assert.Equal("", diff);
            return diff;
        }

        var parsed = Patch.Parse(diff);
        Assert.True(parsed.Succeeded, $"{string.Join("\n", parsed.Problems)}\n{diff}");
        var file = Assert.Single(parsed.Value!.Files);
        Assert.Equal(oldText is null ? null : path, file.OldPath);
        Assert.Equal(newText is null ? null : path, file.NewPath);
        var applied = Patch.ApplyTo(oldText ?? "", file);
        Assert.True(applied.Succeeded, $"{string.Join("\n", applied.Problems)}\n{diff}");
        Assert.Equal(newText ?? "", applied.Value);
        return diff;
    }

    /// <summary>The diff text exactly, and that it round-trips.</summary>
    public static void Creates(string? oldText, string? newText, string expectedDiff, int context = 3)
    {
        var diff = RoundTrips(oldText, newText, context, "p.txt");
        Assert.Equal(expectedDiff.ReplaceLineEndings("\n"), diff);
    }

    /// <summary>Applying <paramref name="diff"/> to <paramref name="original"/> fails at <paramref name="location"/> with a message containing <paramref name="messageContains"/>.</summary>
    public static void DoesNotApply(string original, string diff, string location, string messageContains)
    {
        var file = Assert.Single(Patch.Parse(diff).Value!.Files);
        var applied = Patch.ApplyTo(original, file);
        Assert.False(applied.Succeeded);
        var problem = Assert.Single(applied.Problems);
        Assert.Equal(location, problem.Location);
        Assert.Contains(messageContains, problem.Message, StringComparison.Ordinal);
    }

    public static void Rejects(string diff, params string[] problemsContaining)
    {
        var parsed = Patch.Parse(diff);
        Assert.False(parsed.Succeeded);
        Assert.Equal(problemsContaining.Length, parsed.Problems.Length);
        foreach (var fragment in problemsContaining)
        {
            Assert.Contains(parsed.Problems, p => p.ToString().Contains(fragment, StringComparison.Ordinal));
        }
    }

    /// <summary>Real git accepts the diff and produces the same new text: our output is git's format, not our idea of it.</summary>
    public static void GitApplies(string oldText, string newText)
    {
        var directory = Directory.CreateTempSubdirectory("heal-diff-");
        try
        {
            var path = Path.Combine(directory.FullName, "p.txt");
            File.WriteAllText(path, oldText);
            File.WriteAllText(Path.Combine(directory.FullName, "change.diff"), UnifiedDiff.Create("p.txt", oldText, newText));
            var git = Process.Start(new ProcessStartInfo("git", ["apply", "--unidiff-zero", "--whitespace=nowarn", "change.diff"])
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, error);
            Assert.Equal(newText, File.ReadAllText(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
