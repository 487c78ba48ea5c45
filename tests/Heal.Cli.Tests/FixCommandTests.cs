using System.Text.Json;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.Cli.Tests;

/// <summary>
/// <c>heal fix</c> refuses, before any work, a repository it cannot validate in or deliver from, with a code and a message
/// that says what to do; and a second run for a group that already has a heal branch stops instead of forking one.
/// </summary>
public sealed class FixCommandTests
{

    [Fact]
    public async Task Fix_FolderThatIsNotARepository_NotAGitRepositoryBeforeAnyWork()
    {
        using var folder = new TempDirectory("heal-norepo");
        File.WriteAllText(folder.Combine("Program.cs"), "class P { }");
        var (code, stderr) = await FixJsonAsync(folder.Path);
        Assert.Equal("not-a-git-repository", code);
        Assert.DoesNotContain("finding the root cause", stderr, StringComparison.Ordinal);
        Assert.Contains("git init", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_RepositoryWithoutCommits_NoCommits()
    {
        using var folder = new TempDirectory("heal-nocommit");
        Git(folder.Path, "init", "-q");
        Assert.Equal("no-commits", (await FixJsonAsync(folder.Path)).Code);
    }

    [Fact]
    public async Task Fix_BareRepository_BareRepository()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        using var bare = new TempDirectory("heal-bare");
        Git(bare.Path, "clone", "-q", "--bare", repository.Path, bare.Combine("shop.git"));
        Assert.Equal("bare-repository", (await FixJsonAsync(bare.Combine("shop.git"))).Code);
    }

    [Fact]
    public async Task Fix_DetachedHeadWithPush_DetachedHead()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        repository.Git("checkout", "-q", "--detach");
        Assert.Equal("detached-head", (await FixJsonAsync(repository.Path, "--push", "origin")).Code);
    }

    [Fact]
    public async Task Fix_GroupAlreadyHasAHealBranch_StopsAndNamesIt()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        repository.Git("branch", "heal/5f0d5c1e-null-reference-in-discounted");
        var (code, stderr) = await FixJsonAsync(repository.Path);
        Assert.Equal("heal-branch-exists", code);
        Assert.Contains("heal/5f0d5c1e-null-reference-in-discounted", stderr, StringComparison.Ordinal);
        Assert.Equal("heal/5f0d5c1e-null-reference-in-discounted", repository.Git("branch", "--list", "heal/*").Trim().TrimStart('*', ' '));
    }

    private static async Task<(string Code, string Stderr)> FixJsonAsync(string repository, params string[] more)
    {
        using var folder = new TempDirectory("heal-event");
        var eventFile = folder.Combine("event.json");
        File.WriteAllText(eventFile, ShopRepository.EventJson());
        var (exit, stdout, stderr) = await HealCli.RunAsync(["fix", "--json", "--offline", "--repo", repository, "--event", eventFile, .. more]);
        Assert.Equal(ExitCodes.Usage, exit);
        return (JsonDocument.Parse(stdout).RootElement.GetProperty("code").GetString()!, stderr);
    }

    private static void Git(string folder, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", arguments) { WorkingDirectory = folder, RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
