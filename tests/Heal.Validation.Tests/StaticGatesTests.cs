using Heal.Validation.Gates;

namespace Heal.Validation.Tests;

public sealed class StaticGatesTests
{
    private static readonly string[] s_allowed = ["src/Shop/PriceCalculator.cs"];

    [Theory]
    [InlineData("src/Shop/PriceCalculator.cs", true, "only stack-trace files")]
    [InlineData("src/Shop/Customer.cs", false, "not a file of the error's stack trace")]
    [InlineData(".github/workflows/ci.yml", false, "CI configuration")]
    [InlineData("../../etc/passwd", false, "leaves the repository")]
    [InlineData("/etc/passwd", false, "absolute")]
    [InlineData("src/Shop/Shop.csproj", false, "project or package file")]
    [InlineData("Directory.Build.props", false, "project or package file")]
    [InlineData("build.sh", false, "build script")]
    [InlineData("src\\Shop\\PriceCalculator.cs", false, "non-portable")]
    public void Scope_ModifiedFile_AllowedOnlyInStackTraceFiles(string path, bool passes, string detail) =>
        CheckScope(Modify(path), passes, detail);

    [Theory]
    [InlineData("tests/Shop.Tests/RegressionTests.cs", true, "only stack-trace files: tests/Shop.Tests/RegressionTests.cs")]
    [InlineData("src/Shop/Helper.cs", false, "src/Shop/Helper.cs is a new file that is not a test")]
    [InlineData(".github/workflows/evil.cs", false, ".github/workflows/evil.cs is CI configuration")]
    public void Scope_NewFile_OnlyTests(string path, bool passes, string detail) =>
        CheckScope($"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1 @@\n+class X {{ }}\n", passes, detail);

    [Fact]
    public void Scope_DeletedFile_Fails() =>
        CheckScope("diff --git a/src/Shop/PriceCalculator.cs b/src/Shop/PriceCalculator.cs\ndeleted file mode 100644\n--- a/src/Shop/PriceCalculator.cs\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n", false, "may not delete");

    [Theory]
    [InlineData(30, 30, true)]
    [InlineData(31, 30, false)]
    public void Size_ChangedLines_AgainstLimit(int added, int limit, bool passes)
    {
        var summary = PatchSummary.FromDiff(Modify("src/Shop/PriceCalculator.cs", added))!;
        Assert.Equal(passes, StaticGates.Size(summary, limit).Passed);
    }

    [Theory]
    [InlineData("    <PackageReference Include=\"Evil\" Version=\"1.0\" />", false)]
    [InlineData("#r \"nuget: Evil\"", false)]
    [InlineData("var asm = Assembly.LoadFrom(path);", false)]
    [InlineData("if (customer.Discount == null) return price;", true)]
    public void Dependencies_AddedLine_Detected(string line, bool passes)
    {
        var summary = PatchSummary.FromDiff($"diff --git a/a.cs b/a.cs\n--- a/a.cs\n+++ b/a.cs\n@@ -1 +1,2 @@\n x\n+{line}\n")!;
        Assert.Equal(passes, StaticGates.Dependencies(summary).Passed);
    }

    [Fact]
    public void FromDiff_NotADiff_IsNull() => Assert.Null(PatchSummary.FromDiff("please run rm -rf /"));

    private static void CheckScope(string diff, bool passes, string detail)
    {
        // An empty expected detail would match any gate's text: every row names what the gate must say.
        Assert.False(string.IsNullOrWhiteSpace(detail), "a scope check needs the detail it expects");
        var summary = PatchSummary.FromDiff(diff);
        Assert.NotNull(summary);
        var gate = StaticGates.Scope(summary!, s_allowed, strict: true);
        Assert.Equal(passes, gate.Passed);
        Assert.Contains(detail, gate.Detail, StringComparison.Ordinal);
    }

    private static string Modify(string path, int addedLines = 1) =>
        $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -1,1 +1,{addedLines + 1} @@\n x\n"
        + string.Concat(Enumerable.Range(0, addedLines).Select(i => $"+line {i}\n"));
}
