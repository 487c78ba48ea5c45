using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.Validation.Tests;

/// <summary>
/// Real git worktrees, real <c>dotnet build</c> and <c>dotnet test</c>. Every test also proves the user's
/// working tree, index and HEAD are unchanged and that no worktree is left behind.
/// </summary>
public sealed class PatchValidatorTests
{
    [Fact]
    public async Task Validate_RightFixWithRegressionTest_AllGatesPass()
    {
        var report = await CheckAsync(ShopRepository.GoodPatch, regressionTest: ShopRepository.RegressionTest);

        Assert.True(report.Passed, Describe(report));
        Assert.All(report.Gates, g => Assert.Equal(GateStatus.Passed, g.Status));
        Assert.Contains("2 passed", report.Gate("tests")!.Detail, StringComparison.Ordinal);
        Assert.Contains("fails without the fix and passes with it", report.Gate("reproduction")!.Detail, StringComparison.Ordinal);
        Assert.InRange(report.Confidence, 0.9, 1.0);
        Assert.Equal(ShopRepository.RegressionTest, report.RegressionTest);
    }

    [Fact]
    public async Task Validate_RegressionTestThatPassesWithoutFix_SkipsReproductionAndLeavesTheTestOut()
    {
        var harmless = ShopRepository.RegressionTest.Replace("new Customer { Name = \"Bob\" }", "new Customer { Name = \"Bob\", Discount = new Discount() }", StringComparison.Ordinal);
        var report = await CheckAsync(ShopRepository.GoodPatch, regressionTest: harmless);

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(GateStatus.Skipped, report.Gate("reproduction")!.Status);
        Assert.Contains("passes without the fix", report.Gate("reproduction")!.Detail, StringComparison.Ordinal);
        Assert.Contains("2 passed", report.Gate("tests")!.Detail, StringComparison.Ordinal);
        Assert.Null(report.RegressionTest);
    }

    [Fact]
    public async Task Validate_RegressionTestNamedLikeAFilterExpression_FailsReproductionBeforeRunningAnything()
    {
        var forged = ShopRepository.RegressionTest.Replace("DiscountedRegressionTests.cs", "X|FullyQualifiedName!=Y.cs", StringComparison.Ordinal);
        var report = await CheckAsync(ShopRepository.GoodPatch, regressionTest: forged);

        Assert.False(report.Passed);
        Assert.Equal("the regression test's file name is not a C# class name", report.Gate("reproduction")!.Detail);
        Assert.Equal(GateStatus.Skipped, report.Gate("build")!.Status);
    }

    [Fact]
    public async Task Validate_RegressionTestThatStillFailsWithFix_FailsReproductionWithItsOutput()
    {
        var report = await CheckAsync(ShopRepository.GoodPatch.Replace("return price;", "return price * customer.Discount.Rate;", StringComparison.Ordinal),
            regressionTest: ShopRepository.RegressionTest, crashExceptionType: "System.NullReferenceException");

        Assert.False(report.Passed);
        Assert.Equal(GateStatus.Passed, report.Gate("tests")!.Status);
        Assert.Contains("DiscountedRegressionTests fails with the fix", report.Gate("reproduction")!.Detail, StringComparison.Ordinal);
        Assert.Contains("NullReferenceException", report.FailureOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PatchWithSyntaxError_FailsSyntaxNamingTheLine()
    {
        var report = await CheckAsync(ShopRepository.GoodPatch.Replace("return price;", "return price", StringComparison.Ordinal));

        Assert.Equal(GateStatus.Failed, report.Gate("syntax")!.Status);
        Assert.Contains("PriceCalculator.cs:9", report.Gate("syntax")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PatchThatDoesNotTypeCheck_FailsBuildAndKeepsOutputForRetry()
    {
        var report = await CheckAsync(ShopRepository.GoodPatch.Replace("return price;", "return customer.Price;", StringComparison.Ordinal));

        Assert.Equal(GateStatus.Failed, report.Gate("build")!.Status);
        Assert.Contains("CS1061", report.Gate("build")!.Detail, StringComparison.Ordinal);
        Assert.Contains("CS1061", report.FailureOutput, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Skipped, report.Gate("tests")!.Status);
    }

    [Fact]
    public async Task Validate_PatchBreakingBehaviour_FailsTestsNamingTheTest()
    {
        var patch = ShopRepository.GoodPatch.Replace(
            "         return price * (1 - customer.Discount.Rate);",
            "-        return price * (1 - customer.Discount.Rate);\n+        return price * (1 + customer.Discount.Rate);",
            StringComparison.Ordinal);
        var report = await CheckAsync(patch);

        Assert.Equal(GateStatus.Failed, report.Gate("tests")!.Status);
        Assert.Contains("Discounted_WithDiscount_AppliesRate", report.Gate("tests")!.Detail, StringComparison.Ordinal);
        Assert.Contains("Discounted_WithDiscount_AppliesRate", report.FailureOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SecondPatchOnSameRepository_RebuildsWhatChangedAndNeverReusesStaleOutput()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        var breaking = ShopRepository.GoodPatch.Replace(
            "         return price * (1 - customer.Discount.Rate);",
            "-        return price * (1 - customer.Discount.Rate);\n+        return price * (1 + customer.Discount.Rate);",
            StringComparison.Ordinal);
        var validator = new PatchValidator();

        var good = await validator.ValidateAsync(Request(repository, ShopRepository.GoodPatch), null, CancellationToken.None);
        var bad = await validator.ValidateAsync(Request(repository, breaking), null, CancellationToken.None);
        var goodAgain = await validator.ValidateAsync(Request(repository, ShopRepository.GoodPatch), null, CancellationToken.None);

        Assert.True(good.Passed, Describe(good));
        Assert.Equal(GateStatus.Failed, bad.Gate("tests")!.Status);
        Assert.True(goodAgain.Passed, Describe(goodAgain));
    }

    [Fact]
    public async Task Validate_PatchThatDoesNotApply_FailsAppliesAndNamesTheFile()
    {
        var report = await CheckAsync(ShopRepository.GoodPatch.Replace("return price * (1 - customer.Discount.Rate);", "return price * (1 - customer.Discount.Percent);", StringComparison.Ordinal));

        Assert.Equal(GateStatus.Failed, report.Gate("applies")!.Status);
        Assert.Contains("PriceCalculator.cs", report.Gate("applies")!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData("src/Shop/Customer.cs")]
    public async Task Validate_PatchOutsideScope_FailsBeforeAnyWorktreeExists(string path)
    {
        var patch = $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -1,1 +1,2 @@\n namespace Shop;\n+// pwned\n";
        var report = await CheckAsync(patch);

        Assert.Equal(GateStatus.Failed, report.Gate("scope")!.Status);
        Assert.All(report.Gates.Where(g => g.Name is "applies" or "build" or "tests"), g => Assert.Equal(GateStatus.Skipped, g.Status));
        Assert.Equal(string.Empty, report.BaseCommit);
    }

    [Fact]
    public async Task Validate_CancelledDuringBuild_RemovesWorktreeAndLeavesUserStateUnchanged()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        var before = repository.HashUserState();
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOn("building", cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PatchValidator().ValidateAsync(Request(repository, ShopRepository.GoodPatch), progress, cancellation.Token));

        Assert.Equal(before, repository.HashUserState());
        Assert.Single(repository.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public async Task Validate_ReleaseNamingACommit_ValidatesThatCommit()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        var release = repository.Git("rev-parse", "HEAD");
        repository.WriteFiles("//- src/Shop/PriceCalculator.cs\nnamespace Shop;\n// changed after the release\n");
        repository.Git("commit", "-qam", "later");

        var report = await new PatchValidator().ValidateAsync(
            Request(repository, ShopRepository.GoodPatch) with { Release = release, Policy = new ValidationPolicy(RunBuild: false) },
            null, CancellationToken.None);

        Assert.Equal(release, report.BaseCommit);
        Assert.True(report.Gate("applies")!.Passed, report.Gate("applies")!.Detail);
    }

    private static async Task<ValidationReport> CheckAsync(string patch, string? regressionTest = null, string? crashExceptionType = null)
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        var before = repository.HashUserState();

        var report = await new PatchValidator().ValidateAsync(
            Request(repository, patch) with { RegressionTest = regressionTest, CrashExceptionType = crashExceptionType }, null, CancellationToken.None);

        Assert.Equal(before, repository.HashUserState());
        Assert.Single(repository.Git("worktree", "list").Split('\n'));
        return report;
    }

    private static ValidationRequest Request(GitRepository repository, string patch) =>
        new(repository.Path, patch, Diagnosis(), [ShopRepository.ThrowingFile], null, ValidationPolicy.Default);

    private static Diagnosis Diagnosis() =>
        Core.Model.Diagnosis.Diagnosed("rules/test", "customer.Discount is null", ShopRepository.GoodPatch, [ShopRepository.ThrowingFile],
            "null-guard", 0.85, ImmutableArray<ConfidenceReason>.Empty, ImmutableArray<Evidence>.Empty);

    private static string Describe(ValidationReport report) =>
        string.Join("\n", report.Gates.Select(g => $"{g.Name}: {g.Status} {g.Detail}")) + "\n" + report.FailureOutput;

    private sealed class CancelOn(string step, CancellationTokenSource cancellation) : IProgress<string>
    {
        public void Report(string value)
        {
            if (value.StartsWith(step, StringComparison.Ordinal))
            {
                cancellation.CancelAfter(TimeSpan.FromSeconds(2));
            }
        }
    }
}
