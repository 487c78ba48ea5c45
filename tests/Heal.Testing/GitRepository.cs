using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Heal.Testing;

/// <summary>
/// A real git repository in a temp folder, made from a multi-file fixture (<c>//- path</c> headers), with
/// one commit. Also hashes the working tree and index so tests can prove Heal never touched them.
/// </summary>
public sealed class GitRepository : IDisposable
{
    private readonly TempDirectory _directory;

    private GitRepository(TempDirectory directory)
    {
        _directory = directory;
    }

    public string Path => _directory.Path;

    public static GitRepository Create(string fixture)
    {
        var repository = new GitRepository(new TempDirectory("heal-repo"));
        repository.WriteFiles(fixture);
        repository.Git("init", "-q", "-b", "main");
        repository.Git("config", "user.email", "dev@example.com");
        repository.Git("config", "user.name", "Dev");
        repository.Git("config", "commit.gpgsign", "false");
        repository.Git("add", "-A");
        repository.Git("commit", "-q", "-m", "initial");
        return repository;
    }

    public void WriteFiles(string fixture)
    {
        foreach (var (path, text) in Fixture.Files(fixture))
        {
            var full = System.IO.Path.Combine(Path, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public string Git(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {stderr}");
        }

        return stdout.Trim();
    }

    /// <summary>
    /// A hash of everything the user owns in the checkout: every file outside <c>.git</c> (path, mode and bytes),
    /// the index file, HEAD and the branch refs. Build outputs (bin/obj) are included: Heal must not write there either.
    /// </summary>
    public string HashUserState()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Where(f => !System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/').StartsWith(".git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(Path, file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        foreach (var name in new[] { "index", "HEAD" })
        {
            var file = System.IO.Path.Combine(Path, ".git", name);
            if (File.Exists(file))
            {
                sha.AppendData(File.ReadAllBytes(file));
            }
        }

        sha.AppendData(Encoding.UTF8.GetBytes(Git("status", "--porcelain=v1", "--untracked-files=all")));
        sha.AppendData(Encoding.UTF8.GetBytes(Git("rev-parse", "HEAD")));
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public void Dispose() => _directory.Dispose();
}
