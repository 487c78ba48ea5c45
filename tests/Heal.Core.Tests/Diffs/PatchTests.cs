using Heal.Core.Diffs;
using static Heal.Core.Tests.Diffs.DiffCheck;

namespace Heal.Core.Tests.Diffs;

public sealed class PatchTests
{
    private static string Numbered(int count, int from = 1) => string.Concat(Enumerable.Range(from, count).Select(i => $"line {i}\n"));

    private static readonly string Change = UnifiedDiff.Create("p.txt", Numbered(100), Numbered(100).Replace("line 50\n", "line fifty\n"));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-7)]
    [InlineData(50)]
    [InlineData(-45)]
    public void ApplyTo_FileShiftedWithinFiftyLines_FindsTheHunk(int shift)
    {
        var original = shift >= 0 ? Numbered(shift, 1000) + Numbered(100) : Numbered(100).Split('\n', -shift + 1)[^1];
        var file = Patch.Parse(Change).Value!.Files[0];
        var applied = Patch.ApplyTo(original, file);
        Assert.True(applied.Succeeded, string.Join("\n", applied.Problems));
        Assert.Equal(original.Replace("line 50\n", "line fifty\n"), applied.Value);
    }

    [Fact]
    public void ApplyTo_FileShiftedBeyondFiftyLines_FailsNamingTheHunk() =>
        DoesNotApply(Numbered(51, 1000) + Numbered(100), Change, "hunk 1", "@@ -47,7 +47,7 @@ does not apply: line 47 is 'line 1046', the patch expects 'line 47'");

    [Fact]
    public void ApplyTo_ContextChanged_FailsNamingTheLine() =>
        DoesNotApply(Numbered(100).Replace("line 52\n", "line 52 edited\n"), Change, "hunk 1", "line 52 is 'line 52 edited', the patch expects 'line 52'");

    [Fact]
    public void ApplyTo_SecondHunkMissing_ReportsHunkTwo()
    {
        var diff = UnifiedDiff.Create("p.txt", Numbered(100), Numbered(100).Replace("line 10\n", "ten\n").Replace("line 90\n", "ninety\n"));
        DoesNotApply(Numbered(80), diff, "hunk 2", "@@ -87,7 +87,7 @@ does not apply: it expects line 87 to be 'line 87', but the file has 80 lines");
    }

    [Fact]
    public void ApplyTo_NewFileOverExistingContent_Fails() =>
        DoesNotApply("already here\n", UnifiedDiff.Create("p.txt", null, "x\n"), "file", "already has content");

    [Theory]
    [InlineData("/etc/passwd", "is absolute")]
    [InlineData("C:/Windows/win.ini", "is absolute")]
    [InlineData("src/../../.ssh/authorized_keys", "contains '..'")]
    [InlineData("src\\\\App.cs", "backslash")]
    public void Parse_UnsafePath_Rejected(string path, string problem) =>
        Rejects($"--- a/{path}\n+++ b/{path}\n@@ -1 +1 @@\n-a\n+b\n", problem, problem);

    [Fact]
    public void Parse_NulInPath_Rejected() =>
        Rejects("diff --git a/x\0y b/x\0y\n--- a/x\0y\n+++ b/x\0y\n@@ -1 +1 @@\n-a\n+b\n", "NUL", "NUL");

    [Fact]
    public void Parse_PathWithSeveralFaults_ReportsEach() =>
        Rejects("--- /dev/null\n+++ b/../a\\b\n@@ -0,0 +1 @@\n+x\n", "contains '..'", "backslash");

    [Theory]
    [InlineData("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n", "does not match its line counts")]
    [InlineData("--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\nxyz\n", "ends early")]
    [InlineData("--- a/x\n+++ b/x\n@@ -1 +1 @@ \n@@ nonsense @@\n", "Malformed hunk header")]
    [InlineData("--- a/x\n+++ b/x\n", "has no hunks")]
    [InlineData("Here is my fix, I hope it helps.", "No file changes")]
    [InlineData("", "No file changes")]
    public void Parse_Malformed_FailsWithPreciseProblem(string diff, string problem)
    {
        var parsed = Patch.Parse(diff);
        Assert.False(parsed.Succeeded);
        Assert.Contains(parsed.Problems, p => p.Message.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DiffInsideLlmProse_ReadsTheDiff()
    {
        var diff = "The bug is a null dereference. Apply:\n\n```diff\n" + UnifiedDiff.Create("src/A.cs", "a\n", "b\n") + "```\nThat is all.";
        var patch = Patch.Parse(diff).Value!;
        Assert.Equal("src/A.cs", Assert.Single(patch.Files).Path);
        Assert.Equal("b\n", Patch.ApplyTo("a\n", patch.Files[0]).Value);
    }

    [Fact]
    public void Parse_PlainDiffWithTimestampsAndMissingCounts_Reads()
    {
        var patch = Patch.Parse("--- src/a.txt\t2026-11-28 02:00:00.000000000 +0000\n+++ src/a.txt\t2026-11-28 02:01:00.000000000 +0000\n@@ -1 +1 @@\n-a\n+b\n").Value!;
        Assert.Equal("src/a.txt", patch.Files[0].Path);
        Assert.Equal("b\n", Patch.ApplyTo("a\n", patch.Files[0]).Value);
    }

    [Fact]
    public void Parse_GitOutputForPathWithSpace_ReadsPathAndApplies()
    {
        // Verbatim `git diff` output (git 2.39): index line, and a tab after a path holding a space.
        const string git = "diff --git a/my file.cs b/my file.cs\nindex 422c2b7..0f7bc76 100644\n--- a/my file.cs\t\n+++ b/my file.cs\t\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n";
        var file = Assert.Single(Patch.Parse(git).Value!.Files);
        Assert.Equal("my file.cs", file.Path);
        Assert.Equal("a\nc\n", Patch.ApplyTo("a\nb\n", file).Value);
        Assert.Equal(git.Replace("index 422c2b7..0f7bc76 100644\n", ""), UnifiedDiff.Create("my file.cs", "a\nb\n", "a\nc\n"));
    }

    [Fact]
    public void ChangedLineCount_CountsAddedAndRemoved() =>
        Assert.Equal(5, Patch.Parse(UnifiedDiff.Create("p.txt", "a\nb\nc\nd\n", "a\nB\nC\nd\ne\n")).Value!.ChangedLineCount);
}
