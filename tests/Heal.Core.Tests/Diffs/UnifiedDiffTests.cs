using Heal.Core.Diffs;
using static Heal.Core.Tests.Diffs.DiffCheck;

namespace Heal.Core.Tests.Diffs;

public sealed class UnifiedDiffTests
{
    private const string Ten = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";

    [Fact]
    public void Create_OneChangedLine_WritesGitFormat() => Creates(Ten, Ten.Replace("5\n", "five\n"), """
        diff --git a/p.txt b/p.txt
        --- a/p.txt
        +++ b/p.txt
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8

        """);

    [Fact]
    public void Create_NewFile_UsesDevNull() => Creates(null, "a\nb\n", """
        diff --git a/p.txt b/p.txt
        new file mode 100644
        --- /dev/null
        +++ b/p.txt
        @@ -0,0 +1,2 @@
        +a
        +b

        """);

    [Fact]
    public void Create_DeletedFile_UsesDevNull() => Creates("a\n", null, """
        diff --git a/p.txt b/p.txt
        deleted file mode 100644
        --- a/p.txt
        +++ /dev/null
        @@ -1 +0,0 @@
        -a

        """);

    [Fact]
    public void Create_AddingFinalNewline_MarksTheOldLastLine() => Creates("a\nb", "a\nb\n", """
        diff --git a/p.txt b/p.txt
        --- a/p.txt
        +++ b/p.txt
        @@ -1,2 +1,2 @@
         a
        -b
        \ No newline at end of file
        +b

        """);

    [Fact]
    public void Create_ZeroContextInsertion_NamesTheLineBefore() => Creates(Ten, Ten.Replace("5\n", "5\nnew\n"), """
        diff --git a/p.txt b/p.txt
        --- a/p.txt
        +++ b/p.txt
        @@ -5,0 +6 @@
        +new

        """, context: 0);

    [Fact]
    public void Create_ChangesCloserThanTwiceContext_MergeIntoOneHunk()
    {
        var diff = RoundTrips(Ten, Ten.Replace("2\n", "two\n").Replace("8\n", "eight\n"));
        Assert.Single(Patch.Parse(diff).Value!.Files[0].Hunks);
        var apart = RoundTrips(Ten, Ten.Replace("2\n", "two\n").Replace("9\n", "nine\n"), context: 1);
        Assert.Equal(2, Patch.Parse(apart).Value!.Files[0].Hunks.Length);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "a\n")]
    [InlineData("a\n", "")]
    [InlineData("", "no newline")]
    [InlineData("no newline", "")]
    [InlineData("a", "b")]
    [InlineData("a\nb", "a\nb\n")]
    [InlineData("a\nb\n", "a\nb")]
    [InlineData("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n")]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    [InlineData("a\r\nb", "a\r\nb\r\nc")]
    [InlineData("x\n1\n2\n3\n4\n5\n", "1\n2\n3\n4\n5\n")]
    [InlineData("1\n2\n3\n4\n5\n", "0\n1\n2\n3\n4\n5\n")]
    [InlineData("1\n2\n3\n4\n5\n", "1\n2\n3\n4\n5\n6\n")]
    [InlineData("1\n2\n3\n4\n5\n6", "1\n2\n3\n4\n5\n")]
    [InlineData("\n\n\n", "\n\n")]
    [InlineData(" \n-\n+\n\\\n@@ -1 +1 @@\n", "-\n+\n \n--- a/x\n+++ b/x\n")]
    public void Create_EdgeCases_RoundTripThroughParseAndApply(string oldText, string newText)
    {
        foreach (var context in new[] { 0, 1, 3 })
        {
            RoundTrips(oldText, newText, context);
        }
    }

    [Theory]
    [InlineData("a\nb\nc\n", "a\nB\nc\n")]
    [InlineData("a\nb", "a\nb\n")]
    [InlineData("a\nb\n", "a\nb")]
    [InlineData("a\r\nb\r\n", "a\r\nc\r\nb\r\n")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "0\n1\n2\n3\n4\n6\n7\n8\n9\nX\n10\n11\n")]
    [InlineData("", "created\n")]
    public void Create_Diff_IsAcceptedByGitApply(string oldText, string newText) => GitApplies(oldText, newText);

    [Fact]
    public void Create_FilesBeyondTheEditDistanceBound_StillRoundTrip()
    {
        var oldText = string.Concat(Enumerable.Range(0, 3000).Select(i => $"old {i}\n"));
        var newText = string.Concat(Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? $"old {i}\n" : $"new {i}\n"));
        RoundTrips(oldText, newText);
    }

    [Fact]
    public void Combine_SeveralFiles_ParsesAsOnePatch()
    {
        var combined = UnifiedDiff.Combine(
            UnifiedDiff.Create("a.cs", "x\n", "y\n"),
            UnifiedDiff.Create("same.cs", "z\n", "z\n"),
            UnifiedDiff.Create("b/c.cs", null, "new\n"));
        var patch = Patch.Parse(combined).Value!;
        Assert.Equal(["a.cs", "b/c.cs"], patch.Files.Select(f => f.Path));
        Assert.True(patch.Files[1].IsNew);
        Assert.Equal(3, patch.ChangedLineCount);
    }
}
