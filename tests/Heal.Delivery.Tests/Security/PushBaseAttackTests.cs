using Heal.Core.Model;
using Heal.Delivery.Git;
using Heal.Testing;

namespace Heal.Delivery.Tests.Security;

/// <summary>
/// Delivery does not trust the base commit a validation report names: a report whose base is a stash or a fetched,
/// unreviewed branch (as an event's release once made it) is refused before anything is committed or pushed.
/// </summary>
public sealed class PushBaseAttackTests
{
    private static readonly EventOrigin s_origin = new("feed (key checked)", true);

    [Theory]
    [InlineData("stash")]
    [InlineData("unreviewed")]
    public async Task Deliver_ReportBaseOutsideHeadsHistory_RefusedNothingCommittedOrPushed(string baseKind)
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = new TempDirectory("heal-origin");
        repository.Git("init", "-q", "--bare", remote.Path);
        repository.Git("remote", "add", "origin", remote.Path);
        repository.Git("push", "-q", "origin", "main");
        string forgedBase;
        if (baseKind == "stash")
        {
            File.WriteAllText(Path.Combine(repository.Path, ".env"), "TOKEN=secret\n");
            repository.Git("stash", "push", "-q", "--include-untracked");
            forgedBase = repository.Git("rev-parse", "stash@{0}");
        }
        else
        {
            repository.Git("checkout", "-q", "-b", "unreviewed");
            repository.WriteFiles("//- Directory.Build.targets\n<Project />\n");
            repository.Git("add", "-A");
            repository.Git("commit", "-qm", "unreviewed");
            forgedBase = repository.Git("rev-parse", "HEAD");
            repository.Git("checkout", "-q", "main");
        }

        var service = new DeliveryService(_ => throw new InvalidOperationException("no code host in this test"), GitCredentials.None);
        var input = new DeliveryContentInput(DeliveryFixture.Event(), DeliveryFixture.Group, s_origin, DeliveryFixture.Diagnosis,
            DeliveryFixture.Report(forgedBase), DeliveryFixture.Patch);

        var error = await Assert.ThrowsAsync<DeliveryException>(() =>
            service.DeliverAsync(repository.Path, input, new DeliveryOptions(PushRemote: remote.Path), null, CancellationToken.None));

        Assert.Contains("is not in the history of HEAD or of origin's default branch; nothing is committed", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, repository.Git("for-each-ref", "refs/heads/heal"));
        Assert.Equal(string.Empty, repository.Git("-C", remote.Path, "for-each-ref", "refs/heads/heal"));
    }

    [Fact]
    public async Task Deliver_Push_StoresExactlyTheHealCommitsObjectsOnTheRemote()
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = new TempDirectory("heal-origin");
        repository.Git("init", "-q", "--bare", remote.Path);
        repository.Git("remote", "add", "origin", remote.Path);
        repository.Git("push", "-q", "origin", "main");
        // A local branch with a secret that was never pushed must stay local.
        repository.Git("checkout", "-q", "-b", "private");
        repository.WriteFiles("//- secrets.txt\ntoken\n");
        repository.Git("add", "-A");
        repository.Git("commit", "-qm", "private");
        var privateCommit = repository.Git("rev-parse", "HEAD");
        repository.Git("checkout", "-q", "main");
        var head = repository.Git("rev-parse", "HEAD");
        var before = Stored(repository, remote);
        var service = new DeliveryService(_ => throw new InvalidOperationException("no code host in this test"), GitCredentials.None);
        var input = new DeliveryContentInput(DeliveryFixture.Event(), DeliveryFixture.Group, s_origin, DeliveryFixture.Diagnosis,
            DeliveryFixture.Report(head), DeliveryFixture.Patch);

        var result = await service.DeliverAsync(repository.Path, input, new DeliveryOptions(PushRemote: "origin"), null, CancellationToken.None);

        var pushed = Stored(repository, remote).Except(before).Order(StringComparer.Ordinal);
        var expected = repository.Git("rev-list", "--objects", result.Branch, "--not", head).Split('\n').Select(l => l.Split(' ')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, pushed);
        Assert.Equal(head, repository.Git("rev-parse", result.Branch + "^"));
        Assert.Equal(["refs/heads/" + result.Branch, "refs/heads/main"], repository.Git("-C", remote.Path, "for-each-ref", "--format=%(refname)").Split('\n').Order(StringComparer.Ordinal));
        Assert.DoesNotContain(privateCommit, Stored(repository, remote));
    }

    private static HashSet<string> Stored(GitRepository repository, TempDirectory remote) =>
        repository.Git("-C", remote.Path, "cat-file", "--batch-all-objects", "--batch-check=%(objectname)")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
