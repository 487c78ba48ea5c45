using Heal.Core.Model;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;
using Heal.Testing;

namespace Heal.Delivery.Tests.Security;

/// <summary>
/// A run whose pull request failed once left its pushed <c>heal/…</c> branch on the remote, where nobody reviews it.
/// Now the branch is taken off the remote again and the error says so.
/// </summary>
public sealed class PushCleanupAttackTests
{
    [Fact]
    public async Task Deliver_PullRequestRefused_PushedBranchRemovedFromRemote()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = new TempDirectory("heal-origin");
        repository.Git("init", "-q", "--bare", remote.Path);
        repository.Git("remote", "add", "origin", remote.Path);
        repository.Git("push", "-q", "origin", "main");
        await using var github = await GitHubDouble.StartAsync();
        github.FailPullRequestsWith = 422;
        var credentials = GitCredentials.FromToken("ghp_test_token_0123", "test");
        var service = new DeliveryService(t => new GitHubCodeHost(t.Url, credentials), credentials);
        var input = new DeliveryContentInput(DeliveryFixture.Event(), DeliveryFixture.Group, new EventOrigin("feed (key checked)", true), DeliveryFixture.Diagnosis,
            DeliveryFixture.Report(repository.Git("rev-parse", "HEAD")), DeliveryFixture.Patch);

        var error = await Assert.ThrowsAsync<DeliveryException>(() => service.DeliverAsync(repository.Path, input,
            new DeliveryOptions(PushRemote: "origin", PullRequest: new PullRequestTarget(github.Url, "acme/shop")), null, CancellationToken.None));

        Assert.StartsWith("GitHub refused the pull request (422)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"the pushed branch heal/3f9a2c1b-null-reference-in-discounted was removed from origin", error.Message, StringComparison.Ordinal);
        Assert.Equal("refs/heads/main", repository.Git("-C", remote.Path, "for-each-ref", "--format=%(refname)"));
        Assert.Single(github.Requests);
    }
}
