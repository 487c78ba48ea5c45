using Heal.Testing.Samples;
using Heal.Validation;

namespace Heal.Pipeline.Tests.Security;

/// <summary>
/// An event whose release was <c>stash</c> once made <c>heal fix --push</c> parent the heal branch on the user's stash and
/// push it — with the stash's untracked-files commit holding a <c>.env</c> of secrets — to origin. Now the release is
/// ignored (it is not a tag or a full commit id), the branch sits on HEAD, and origin receives exactly the heal commit.
/// </summary>
public sealed class StashReleaseAttackTests
{
    [Fact]
    public async Task Run_ReleaseIsStashWithUntrackedEnv_OriginReceivesOnlyTheHealCommitOnHead()
    {
        await using var world = await PipelineWorld.CreateAsync();
        var repository = world.Repository;
        var head = repository.Git("rev-parse", "HEAD");
        File.WriteAllText(Path.Combine(repository.Path, ".env"), "GITHUB_TOKEN=ghp_do_not_leak\n");
        var secret = repository.Git("hash-object", ".env");
        repository.Git("stash", "push", "-q", "--include-untracked");
        var stash = repository.Git("rev-parse", "stash@{0}");
        var untracked = repository.Git("rev-parse", "stash@{0}^3");
        world.RememberUserState();
        var before = StoredObjects(world);

        var result = await world.RunAsync(ShopRepository.EventJson(release: "stash"), new ScriptedDiagnoser(ShopRepository.GoodPatch),
            policy: new ValidationPolicy(RunBuild: false, RunTests: false));

        Assert.True(result.Status == HealStatus.Validated, result.Message);
        var branch = result.Delivery!.Branch;
        Assert.Equal(head, result.Validation!.BaseCommit);
        Assert.Contains("release 'stash' is neither a tag nor a full commit id; validated on HEAD", result.Validation.Gate("applies")!.Detail, StringComparison.Ordinal);
        Assert.Equal(head, repository.Git("rev-parse", branch + "^"));
        var pushed = StoredObjects(world).Except(before).Order(StringComparer.Ordinal).ToArray();
        var healCommitObjects = repository.Git("rev-list", "--objects", branch, "--not", head).Split('\n').Select(l => l.Split(' ')[0]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(healCommitObjects, pushed);
        Assert.Contains(result.Delivery.Commit, pushed);
        Assert.DoesNotContain(secret, StoredObjects(world));
        Assert.DoesNotContain(stash, StoredObjects(world));
        Assert.DoesNotContain(untracked, StoredObjects(world));
    }

    /// <summary>Every object origin stores, reachable or not: what a push wrote, not only what a ref shows.</summary>
    private static HashSet<string> StoredObjects(PipelineWorld world) =>
        world.Remote("cat-file", "--batch-all-objects", "--batch-check=%(objectname)").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
