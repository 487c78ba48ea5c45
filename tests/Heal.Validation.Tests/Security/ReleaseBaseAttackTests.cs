using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Testing;
using Heal.Testing.Samples;
using Heal.Validation.Git;

namespace Heal.Validation.Tests.Security;

/// <summary>
/// The event's release is attacker-writable. It once picked any git ref as the base: <c>stash</c> (with its untracked
/// <c>.env</c>), or a fetched, unreviewed branch whose <c>Directory.Build.targets</c> ran an <c>&lt;Exec&gt;</c> during the
/// build. Now it may select only a tag or a full commit id in the history of HEAD or of origin's default branch.
/// </summary>
public sealed class ReleaseBaseAttackTests : IClassFixture<ReleaseBaseAttackTests.Histories>
{
    private readonly Histories _histories;

    public ReleaseBaseAttackTests(Histories histories)
    {
        _histories = histories;
    }

    [Theory]
    [InlineData("stash", "neither a tag nor a full commit id")]
    [InlineData("stash@{0}", "neither a tag nor a full commit id")]
    [InlineData("refs/stash", "neither a tag nor a full commit id")]
    [InlineData("origin/unreviewed", "neither a tag nor a full commit id")]
    [InlineData("remotes/origin/unreviewed", "neither a tag nor a full commit id")]
    [InlineData("refs/remotes/origin/unreviewed", "neither a tag nor a full commit id")]
    [InlineData("FETCH_HEAD", "neither a tag nor a full commit id")]
    [InlineData("HEAD~1", "neither a tag nor a full commit id")]
    [InlineData("@{-1}", "neither a tag nor a full commit id")]
    [InlineData(":/unreviewed", "neither a tag nor a full commit id")]
    [InlineData("--output=/tmp/heal-pwned", "neither a tag nor a full commit id")]
    [InlineData("main:src/Shop/PriceCalculator.cs", "neither a tag nor a full commit id")]
    [InlineData("1.4.0^{tree}", "neither a tag nor a full commit id")]
    [InlineData("1.4.0/../../heads/main", "neither a tag nor a full commit id")]
    [InlineData("unreviewed-tag", "not in the history of HEAD or of origin's default branch")]
    public async Task Choose_HostileRelease_ValidatesOnHeadAndSaysWhy(string release, string why)
    {
        var choice = await TrustedBase.ChooseAsync(_histories.User.Path, release, CancellationToken.None);

        Assert.Equal(_histories.Head, choice.Commit);
        Assert.Contains(why, choice.Note, StringComparison.Ordinal);
        Assert.EndsWith("validated on HEAD", choice.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choose_FullIdOfStashOrUnreviewedCommit_ValidatesOnHead()
    {
        foreach (var commit in new[] { _histories.Stash, _histories.StashUntracked, _histories.Unreviewed })
        {
            var choice = await TrustedBase.ChooseAsync(_histories.User.Path, commit, CancellationToken.None);

            Assert.Equal(_histories.Head, choice.Commit);
            Assert.Contains("not in the history of HEAD or of origin's default branch", choice.Note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Choose_AbbreviatedIdOfAnAncestor_ValidatesOnHead()
    {
        var choice = await TrustedBase.ChooseAsync(_histories.User.Path, _histories.Released[..10], CancellationToken.None);

        Assert.Equal(_histories.Head, choice.Commit);
        Assert.Contains("neither a tag nor a full commit id", choice.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choose_BidiInRelease_NoteShowsItVisibly()
    {
        var choice = await TrustedBase.ChooseAsync(_histories.User.Path, "1.4.0\u202Egnp.exe", CancellationToken.None);

        Assert.Equal(_histories.Head, choice.Commit);
        Assert.Contains("'1.4.0<U+202E>gnp.exe'", choice.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.4.0")]
    [InlineData("released")]
    public async Task Choose_TagOrFullIdInHeadsHistory_ValidatesThatCommit(string release)
    {
        var choice = await TrustedBase.ChooseAsync(_histories.User.Path, release == "released" ? _histories.Released : release, CancellationToken.None);

        Assert.Equal(_histories.Released, choice.Commit);
        Assert.Null(choice.Note);
    }

    [Fact]
    public async Task Choose_TagOnOriginsDefaultBranchAheadOfHead_ValidatesThatCommit()
    {
        var choice = await TrustedBase.ChooseAsync(_histories.User.Path, "1.5.0", CancellationToken.None);

        Assert.Equal(_histories.OriginMain, choice.Commit);
        Assert.Null(choice.Note);
    }

    /// <summary>
    /// A real build of a fetched, unreviewed branch ran its <c>Directory.Build.targets</c>. With that branch as the
    /// release, validation now builds HEAD: the target's <c>Exec</c> never runs and the base is HEAD.
    /// </summary>
    [Fact]
    public async Task Validate_ReleaseNamingUnreviewedBranchWithExecTarget_ExecNeverRunsAndHeadIsTheBase()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        using var origin = new TempDirectory("heal-origin");
        using var outside = new TempDirectory("heal-outside");
        var marker = outside.Combine("exec-ran");
        PushUnreviewedBranch(repository, origin, "unreviewed", $"""
            //- Directory.Build.targets
            <Project>
              <Target Name="Pwn" BeforeTargets="Build">
                <Exec Command="touch {marker}" />
              </Target>
            </Project>
            """);
        var head = repository.Git("rev-parse", "HEAD");
        var before = repository.HashUserState();

        var report = await new PatchValidator().ValidateAsync(
            new ValidationRequest(repository.Path, ShopRepository.GoodPatch, Diagnosis(), [ShopRepository.ThrowingFile], "origin/unreviewed", ValidationPolicy.Default),
            null, CancellationToken.None);

        Assert.True(report.Passed, string.Join("\n", report.Gates.Select(g => $"{g.Name}: {g.Detail}")));
        Assert.False(File.Exists(marker), "the unreviewed branch's Exec ran");
        Assert.Equal(head, report.BaseCommit);
        Assert.Contains("release 'origin/unreviewed' is neither a tag nor a full commit id; validated on HEAD", report.Gate("applies")!.Detail, StringComparison.Ordinal);
        Assert.Equal(before, repository.HashUserState());
    }

    private static void PushUnreviewedBranch(GitRepository repository, TempDirectory origin, string branch, string fixture)
    {
        Git(origin.Path, "init", "-q", "--bare");
        repository.Git("remote", "add", "origin", origin.Path);
        repository.Git("push", "-q", "origin", "main");

        // Someone else pushes a branch nobody reviewed; the user only fetches it.
        using var other = new TempDirectory("heal-other");
        Git(other.Path, "clone", "-q", origin.Path, ".");
        Git(other.Path, "checkout", "-q", "-b", branch);
        foreach (var (path, text) in Fixture.Files(fixture))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(other.Path, path))!);
            File.WriteAllText(Path.Combine(other.Path, path), text);
        }

        Git(other.Path, "add", "-A");
        Git(other.Path, "-c", "user.name=Mallory", "-c", "user.email=m@example.com", "commit", "-qm", "unreviewed");
        Git(other.Path, "push", "-q", "origin", branch);
        repository.Git("fetch", "-q", "origin");
    }

    private static string Git(string directory, params string[] arguments)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }

    private static Diagnosis Diagnosis() =>
        Core.Model.Diagnosis.Diagnosed("rules/test", "customer.Discount is null", ShopRepository.GoodPatch, [ShopRepository.ThrowingFile],
            "null-guard", 0.85, ImmutableArray<ConfidenceReason>.Empty, ImmutableArray<Evidence>.Empty);

    /// <summary>
    /// One user repository for the read-only tests: <c>1.4.0</c> tags an ancestor of HEAD; origin's default branch
    /// (origin/HEAD → origin/main) is one commit ahead and tagged <c>1.5.0</c>; a fetched branch nobody reviewed is tagged
    /// <c>unreviewed-tag</c>; a stash holds an untracked <c>.env</c>.
    /// </summary>
    public sealed class Histories : IDisposable
    {
        public Histories()
        {
            User = GitRepository.Create("//- src/App.cs\nnamespace App;\n");
            Origin = new TempDirectory("heal-origin");
            Git(Origin.Path, "init", "-q", "--bare");
            User.Git("tag", "1.4.0");
            Released = User.Git("rev-parse", "HEAD");
            User.WriteFiles("//- src/App.cs\nnamespace App;\n// work\n");
            User.Git("commit", "-qam", "work");
            User.Git("remote", "add", "origin", Origin.Path);
            User.Git("push", "-q", "origin", "main");

            // origin/main moves ahead (a teammate merged), and the user's branch stays behind it.
            User.Git("checkout", "-q", "-b", "feature");
            User.Git("checkout", "-q", "main");
            User.WriteFiles("//- src/App.cs\nnamespace App;\n// work\n// merged\n");
            User.Git("commit", "-qam", "merged");
            User.Git("tag", "1.5.0");
            User.Git("push", "-q", "origin", "main", "1.5.0");
            OriginMain = User.Git("rev-parse", "HEAD");
            User.Git("checkout", "-q", "feature");
            User.Git("fetch", "-q", "origin");
            User.Git("remote", "set-head", "origin", "main");

            User.Git("checkout", "-q", "-b", "unreviewed");
            User.WriteFiles("//- Directory.Build.targets\n<Project><Target Name=\"X\" BeforeTargets=\"Build\"><Exec Command=\"id\" /></Target></Project>\n");
            User.Git("add", "-A");
            User.Git("commit", "-qm", "unreviewed");
            User.Git("tag", "unreviewed-tag");
            Unreviewed = User.Git("rev-parse", "HEAD");
            User.Git("push", "-q", "origin", "unreviewed");
            User.Git("checkout", "-q", "feature");
            User.Git("branch", "-q", "-D", "unreviewed");
            User.Git("fetch", "-q", "origin");

            Head = User.Git("rev-parse", "HEAD");
            File.WriteAllText(Path.Combine(User.Path, ".env"), "API_KEY=secret\n");
            User.WriteFiles("//- src/App.cs\nnamespace App;\n// work\n// uncommitted\n");
            User.Git("stash", "push", "-q", "--include-untracked");
            Stash = User.Git("rev-parse", "stash@{0}");
            StashUntracked = User.Git("rev-parse", "stash@{0}^3");
        }

        public GitRepository User { get; }

        public TempDirectory Origin { get; }

        public string Head { get; }

        public string Released { get; }

        public string OriginMain { get; }

        public string Unreviewed { get; }

        public string Stash { get; }

        public string StashUntracked { get; }

        public void Dispose()
        {
            User.Dispose();
            Origin.Dispose();
        }
    }
}
