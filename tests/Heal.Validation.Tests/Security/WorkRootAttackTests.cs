using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.Validation.Tests.Security;

/// <summary>
/// Heal's work folder and what validation touches. Validation through a committed directory symlink once re-timed a
/// file outside the repository (the build cache followed the link), and the build cache lived in a fixed, guessable
/// shared folder (<c>$TMPDIR/heal</c>, 0755) that another user could create first.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkRootAttackTests
{
    private static readonly DateTime s_old = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    [Fact]
    public async Task Validate_CommittedSymlinksToOutsideFolderAndFile_NothingOutsideIsTouched()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        using var outside = new TempDirectory("heal-outside");
        var outsideFile = outside.Combine("notes.txt");
        var linkedFile = outside.Combine("linked.txt");
        File.WriteAllText(outsideFile, "mine\n");
        File.WriteAllText(linkedFile, "mine too\n");
        File.SetLastWriteTimeUtc(outsideFile, s_old);
        File.SetLastWriteTimeUtc(linkedFile, s_old);
        File.CreateSymbolicLink(Path.Combine(repository.Path, "docs"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(repository.Path, "README.md"), linkedFile);
        repository.Git("add", "-A");
        repository.Git("commit", "-qm", "links");
        using var work = new TempDirectory("heal-work");
        var policy = new ValidationPolicy(RunBuild: false, WorkRoot: work.Combine("heal"));

        // Twice: the first validation fills the build cache, the second prepares the worktree from it.
        for (var i = 0; i < 2; i++)
        {
            var report = await new PatchValidator().ValidateAsync(Request(repository, policy), null, CancellationToken.None);
            Assert.True(report.Passed, string.Join("\n", report.Gates.Select(g => $"{g.Name}: {g.Detail}")));
        }

        Assert.Equal(s_old, File.GetLastWriteTimeUtc(outsideFile));
        Assert.Equal(s_old, File.GetLastWriteTimeUtc(linkedFile));
        Assert.Equal("mine\n", File.ReadAllText(outsideFile));
        Assert.Equal("mine too\n", File.ReadAllText(linkedFile));
        Assert.Equal(["linked.txt", "notes.txt"], Directory.GetFiles(outside.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultWorkRoot_IsPerUserAndNotTheSharedName()
    {
        var root = PrivateDirectory.DefaultWorkRoot;

        Assert.Equal(Path.GetTempPath().TrimEnd('/'), Path.GetDirectoryName(root));
        Assert.StartsWith("heal-", Path.GetFileName(root), StringComparison.Ordinal);
        Assert.NotEqual("heal", Path.GetFileName(root));
    }

    [Fact]
    public async Task Validate_WorkRootMissing_CreatedOwnerOnly()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        using var work = new TempDirectory("heal-work");
        var root = work.Combine("heal");

        await new PatchValidator().ValidateAsync(Request(repository, new ValidationPolicy(RunBuild: false, WorkRoot: root)), null, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
    }

    [Fact]
    public async Task Validate_WorkRootOpenToOthers_RefusedBeforeAnyWorktree()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        using var work = new TempDirectory("heal-work");
        var root = work.Combine("heal");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, (UnixFileMode)Convert.ToInt32("755", 8));

        var error = await Assert.ThrowsAsync<IOException>(() =>
            new PatchValidator().ValidateAsync(Request(repository, new ValidationPolicy(RunBuild: false, WorkRoot: root)), null, CancellationToken.None));

        Assert.Equal($"{root} is open to other users (mode 755); Heal keeps its worktrees and build cache where only you can read them (chmod 700 it, or remove it)", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(root));
        Assert.Single(repository.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public async Task Validate_WorkRootIsASymlinkPreparedByAnotherUser_Refused()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        using var work = new TempDirectory("heal-work");
        using var attacker = new TempDirectory("heal-attacker");
        File.SetUnixFileMode(attacker.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var root = work.Combine("heal");
        File.CreateSymbolicLink(root, attacker.Path);

        var error = await Assert.ThrowsAsync<IOException>(() =>
            new PatchValidator().ValidateAsync(Request(repository, new ValidationPolicy(RunBuild: false, WorkRoot: root)), null, CancellationToken.None));

        Assert.Equal($"{root} is a symbolic link; Heal works only in a folder it created itself (remove the link)", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(attacker.Path));
    }

    [Fact]
    public void Ensure_FolderOwnedBySomeoneElse_Refused()
    {
        using var work = new TempDirectory("heal-work");
        string folder;
        if (Environment.UserName == "root")
        {
            // Another user (nobody) made the folder first, closed to everyone else.
            folder = work.Combine("heal");
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Run("chown", "65534:65534", folder);
        }
        else
        {
            folder = "/usr";
        }

        var error = Assert.Throws<IOException>(() => PrivateDirectory.Ensure(folder));

        Assert.Contains("belongs to user", error.Message, StringComparison.Ordinal);
        Assert.Contains("Heal works only in a folder of its own", error.Message, StringComparison.Ordinal);
    }

    private static void Run(string file, params string[] arguments)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {error}");
    }

    private static ValidationRequest Request(GitRepository repository, ValidationPolicy policy) =>
        new(repository.Path, ShopRepository.GoodPatch, Diagnosis(), [ShopRepository.ThrowingFile], null, policy);

    private static Diagnosis Diagnosis() =>
        Core.Model.Diagnosis.Diagnosed("rules/test", "customer.Discount is null", ShopRepository.GoodPatch, [ShopRepository.ThrowingFile],
            "null-guard", 0.85, ImmutableArray<ConfidenceReason>.Empty, ImmutableArray<Evidence>.Empty);
}
