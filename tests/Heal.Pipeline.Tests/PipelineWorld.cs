using Heal.Core.Model;
using Heal.Delivery;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;
using Heal.Repair;
using Heal.Testing;
using Heal.Testing.Samples;
using Heal.Validation;

namespace Heal.Pipeline.Tests;

/// <summary>
/// A real repository (the shop sample plus a CI file) with a bare origin and the GitHub double. Every run checks that
/// the user's working tree, index and HEAD are unchanged and that no worktree is left behind.
/// </summary>
internal sealed class PipelineWorld : IAsyncDisposable
{
    private static readonly EventOrigin s_authenticated = new("feed (key checked)", true);
    private readonly TempDirectory _remote;
    private string _userState;

    private PipelineWorld(GitRepository repository, TempDirectory remote, GitHubDouble gitHub)
    {
        Repository = repository;
        _remote = remote;
        GitHub = gitHub;
        _userState = repository.HashUserState();
    }

    public GitRepository Repository { get; }

    public GitHubDouble GitHub { get; }

    public string RemotePath => _remote.Path;

    public static async Task<PipelineWorld> CreateAsync(string? fixture = null)
    {
        var repository = GitRepository.Create((fixture ?? ShopRepository.Fixture) + "\n//- .github/workflows/ci.yml\nname: ci\n");
        var remote = new TempDirectory("heal-origin");
        Run("git", "init", "-q", "--bare", remote.Path);
        repository.Git("remote", "add", "origin", remote.Path);
        repository.Git("push", "-q", "origin", "main");
        return new PipelineWorld(repository, remote, await GitHubDouble.StartAsync());
    }

    /// <summary>Takes the user's current state (after a test changed it on purpose, e.g. stashed work) as the one to keep.</summary>
    public void RememberUserState() => _userState = Repository.HashUserState();

    public async Task<HealResult> RunAsync(
        string eventJson, IDiagnoser diagnoser, bool autoMerge = false, EventOrigin? origin = null, ValidationPolicy? policy = null,
        PatchValidator? validator = null, bool deliver = true)
    {
        var parsed = ErrorEvent.FromSentryJson(eventJson);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Problems));
        var credentials = GitCredentials.FromToken("ghp_test", "test");
        var pipeline = new HealPipeline(diagnoser, validator ?? new PatchValidator(), new DeliveryService(t => new GitHubCodeHost(t.Url, credentials), credentials));
        var request = new HealRequest(Repository.Path, parsed.Value!, null, origin ?? s_authenticated, policy ?? ValidationPolicy.Default,
            new DeliveryOptions(PushRemote: "origin", PullRequest: new PullRequestTarget(GitHub.Url, "acme/shop"), AutoMerge: new AutoMergePolicy(autoMerge, 0.5)),
            Deliver: deliver);
        var result = await pipeline.RunAsync(request, null, CancellationToken.None);
        Assert.Equal(_userState, Repository.HashUserState());
        Assert.Single(Repository.Git("worktree", "list").Split('\n'));
        return result;
    }

    public string? RemoteBranch(string branch)
    {
        var output = Remote("for-each-ref", "--format=%(objectname)", "refs/heads/" + branch);
        return output.Length == 0 ? null : output;
    }

    /// <summary>git in the bare origin.</summary>
    public string Remote(params string[] arguments) => Run("git", ["-C", _remote.Path, .. arguments]);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        _remote.Dispose();
        Repository.Dispose();
    }

    private static string Run(string file, params string[] arguments)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }
}
