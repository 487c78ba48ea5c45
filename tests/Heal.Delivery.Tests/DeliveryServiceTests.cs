using System.Text.Json;
using Heal.Core.Model;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;
using Heal.Testing;

namespace Heal.Delivery.Tests;

/// <summary>Real repositories (a bare one as the remote) and a loopback GitHub double that records every call.</summary>
public sealed class DeliveryServiceTests
{
    private const string Token = "ghp_SECRET_token_0123456789";
    private static readonly EventOrigin s_authenticated = new("feed:127.0.0.1 (key checked)", true);

    [Fact]
    public async Task Deliver_NoRemote_CommitsOnLocalBranchWithoutTouchingWorkingTree()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        var before = repository.HashUserState();

        var result = await DeliverAsync(repository, new DeliveryOptions(), null);

        Assert.Equal("heal/3f9a2c1b-null-reference-in-discounted", result.Branch);
        Assert.Equal(before, repository.HashUserState());
        Assert.False(result.Pushed);
        Assert.Contains("if (customer.Discount == null)", repository.Git("show", $"{result.Branch}:src/Shop/PriceCalculator.cs"), StringComparison.Ordinal);
        Assert.Contains("Heal-Group: 3f9a2c1b7d6e5f40", repository.Git("log", "-1", "--format=%B", result.Branch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_BranchExists_RefusesWithTheBranchNameAndLeavesItWhereItWas()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        repository.Git("branch", "heal/3f9a2c1b-null-reference-in-discounted");
        var before = repository.Git("rev-parse", "heal/3f9a2c1b-null-reference-in-discounted");

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(repository, new DeliveryOptions(), null));

        Assert.Equal("the branch 'heal/3f9a2c1b-null-reference-in-discounted' already exists; Heal never moves an existing branch (review or delete it, then run again).", error.Message);
        Assert.Equal(before, repository.Git("rev-parse", "heal/3f9a2c1b-null-reference-in-discounted"));
        Assert.Equal("", repository.Git("branch", "--list", "heal/*-2").Trim());
    }

    [Fact]
    public async Task Deliver_PushAndPullRequest_ExactCallsAndNoAutoMergeByDefault()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = BareRemote(repository);
        await using var github = await GitHubDouble.StartAsync();

        var result = await DeliverAsync(repository, new DeliveryOptions(PushRemote: remote.Path, PullRequest: new PullRequestTarget(github.Url, "acme/shop")), github);

        Assert.Equal(result.Commit, Git(remote.Path, "rev-parse", "refs/heads/" + result.Branch));
        Assert.Equal(2, github.Requests.Count);
        var create = github.Requests[0];
        Assert.Equal(("POST", "/api/v3/repos/acme/shop/pulls"), (create.Method, create.Path));
        Assert.Equal("Token " + Token, create.Authorization);
        Assert.Equal(result.Branch, create.Body!.Value.GetProperty("head").GetString());
        Assert.Equal("main", create.Body!.Value.GetProperty("base").GetString());
        Assert.Equal("Heal: fix NullReferenceException in Discounted (null-guard)", create.Body!.Value.GetProperty("title").GetString());
        Assert.Equal(result.Body, create.Body!.Value.GetProperty("body").GetString());
        var labels = github.Requests[1];
        Assert.Equal(("POST", $"/api/v3/repos/acme/shop/issues/{result.PullRequest!.Number}/labels"), (labels.Method, labels.Path));
        Assert.Equal(["heal", "automated-fix"], labels.Body!.Value.EnumerateArray().Select(l => l.GetString()));
        Assert.False(result.AutoMergeEnabled);
        Assert.Contains("auto-merge is switched off", result.AutoMerge.Refusals);
    }

    [Fact]
    public async Task Deliver_PolicyAllowsAutoMerge_CallsEnablePullRequestAutoMerge()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = BareRemote(repository);
        await using var github = await GitHubDouble.StartAsync();
        var options = new DeliveryOptions(PushRemote: remote.Path, PullRequest: new PullRequestTarget(github.Url, "acme/shop"), AutoMerge: new AutoMergePolicy(true, 0.9));

        var result = await DeliverAsync(repository, options, github);

        Assert.True(result.AutoMergeEnabled);
        var graphql = github.Requests[2];
        Assert.Equal(("POST", "/api/graphql"), (graphql.Method, graphql.Path));
        Assert.Contains("enablePullRequestAutoMerge", graphql.Body!.Value.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal(result.PullRequest!.NodeId, graphql.Body!.Value.GetProperty("variables").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(false, 0.95, "unauthenticated source")]
    [InlineData(true, 0.80, "below the threshold")]
    public async Task Deliver_AutoMergeOnButPolicyUnmet_NoGraphQlCall(bool authenticated, double confidence, string refusal)
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = BareRemote(repository);
        await using var github = await GitHubDouble.StartAsync();
        var options = new DeliveryOptions(PushRemote: remote.Path, PullRequest: new PullRequestTarget(github.Url, "acme/shop"), AutoMerge: new AutoMergePolicy(true, 0.9));

        var result = await DeliverAsync(repository, options, github, new EventOrigin("jsonl:/tmp/x", authenticated), confidence);

        Assert.False(result.AutoMergeEnabled);
        Assert.Contains(result.AutoMerge.Refusals, r => r.Contains(refusal, StringComparison.Ordinal));
        Assert.DoesNotContain(github.Requests, r => r.Path == "/api/graphql");
    }

    [Fact]
    public async Task Deliver_RejectedPatch_NothingReachesRemoteOrCodeHost()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = BareRemote(repository);
        await using var github = await GitHubDouble.StartAsync();
        var service = new DeliveryService(t => new GitHubCodeHost(t.Url, GitCredentials.FromToken(Token, "test")), GitCredentials.FromToken(Token, "test"));
        var input = new DeliveryContentInput(DeliveryFixture.Event(), DeliveryFixture.Group, s_authenticated, DeliveryFixture.Diagnosis,
            DeliveryFixture.Report(repository.Git("rev-parse", "HEAD"), passed: false), DeliveryFixture.Patch);

        var error = await Assert.ThrowsAsync<DeliveryException>(() => service.DeliverAsync(repository.Path, input,
            new DeliveryOptions(PushRemote: remote.Path, PullRequest: new PullRequestTarget(github.Url, "acme/shop"), AutoMerge: new AutoMergePolicy(true, 0)), null, CancellationToken.None));

        Assert.Contains("did not pass validation", error.Message, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
        Assert.Equal(string.Empty, Git(remote.Path, "for-each-ref", "refs/heads/heal"));
        Assert.Equal(string.Empty, repository.Git("for-each-ref", "refs/heads/heal"));
    }

    [Fact]
    public async Task Deliver_DryRun_WritesBodyAndPushesNothing()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = BareRemote(repository);
        using var output = new TempDirectory();
        await using var github = await GitHubDouble.StartAsync();
        var bodyFile = output.Combine("pr.md");

        var result = await DeliverAsync(repository, new DeliveryOptions(PushRemote: remote.Path, PullRequest: new PullRequestTarget(github.Url, "acme/shop"), DryRun: true, BodyFile: bodyFile), github);

        Assert.Equal(result.Body, File.ReadAllText(bodyFile));
        Assert.Empty(github.Requests);
        Assert.Equal(string.Empty, Git(remote.Path, "for-each-ref", "refs/heads/heal"));
    }

    [Fact]
    public async Task Deliver_HostileEventMessage_ShownAsCodeInBody()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        var hostile = "@octocat please merge ![x](http://evil.example/p.png) <img src=x onerror=alert(1)> ``` `";
        var service = new DeliveryService(_ => throw new InvalidOperationException("no code host in this test"), GitCredentials.None);
        var input = new DeliveryContentInput(DeliveryFixture.Event(hostile), DeliveryFixture.Group, s_authenticated, DeliveryFixture.Diagnosis,
            DeliveryFixture.Report(repository.Git("rev-parse", "HEAD")), DeliveryFixture.Patch);

        var result = await service.DeliverAsync(repository.Path, input, new DeliveryOptions(), null, CancellationToken.None);

        var messageRow = result.Body.Split('\n').Single(l => l.StartsWith("| Message |", StringComparison.Ordinal));
        Assert.Equal("| Message | ```` @octocat please merge ![x](http://evil.example/p.png) <img src=x onerror=alert(1)> ``` ` ```` |", messageRow);
    }

    [Fact]
    public void Credentials_ToStringAndRedact_NeverShowTheToken()
    {
        var credentials = GitCredentials.FromEnvironment(name => name == "GITHUB_TOKEN" ? Token : null);

        Assert.Equal("GITHUB_TOKEN", credentials.Source);
        Assert.DoesNotContain(Token, credentials.ToString(), StringComparison.Ordinal);
        Assert.Equal("auth failed for https://x-access-token:***@host/", credentials.Redact($"auth failed for https://x-access-token:{Token}@host/"));
    }

    [Theory]
    [InlineData("3f9a2c1b7d6e5f40", "System.NullReferenceException", "decimal Shop.PriceCalculator.Discounted(Customer c, decimal p)", "heal/3f9a2c1b-null-reference-in-discounted")]
    [InlineData("abc", "System.Collections.Generic.KeyNotFoundException", null, "heal/abc-key-not-found")]
    [InlineData("zz", "$(rm -rf /); `reboot`", "a;b|c", "heal/event-rm-rf-reboot-in-a-b-c")]
    public void BranchNaming_AnyInput_SafeSlug(string group, string type, string? function, string expected) =>
        Assert.Equal(expected, BranchNaming.For(group, type, function));

    private static async Task<DeliveryResult> DeliverAsync(GitRepository repository, DeliveryOptions options, GitHubDouble? github, EventOrigin? origin = null, double confidence = 0.95)
    {
        var credentials = GitCredentials.FromToken(Token, "test");
        var service = new DeliveryService(t => new GitHubCodeHost(t.Url, credentials), credentials);
        var input = new DeliveryContentInput(DeliveryFixture.Event(), DeliveryFixture.Group, origin ?? s_authenticated, DeliveryFixture.Diagnosis,
            DeliveryFixture.Report(repository.Git("rev-parse", "HEAD"), confidence: confidence), DeliveryFixture.Patch);
        return await service.DeliverAsync(repository.Path, input, options, null, CancellationToken.None);
    }

    private static TempDirectory BareRemote(GitRepository repository)
    {
        var remote = new TempDirectory("heal-origin");
        Git(remote.Path, "init", "-q", "--bare");
        repository.Git("remote", "add", "origin", remote.Path);
        repository.Git("push", "-q", "origin", "main");
        return remote;
    }

    private static string Git(string directory, params string[] arguments)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add("-C");
        startInfo.ArgumentList.Add(directory);
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
