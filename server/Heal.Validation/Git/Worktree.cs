namespace Heal.Validation.Git;

/// <summary>
/// A detached git worktree that Heal creates under its own temporary root and always removes. It shares the
/// repository's object database but has its own working tree and index, so the user's are never touched.
/// </summary>
public sealed class Worktree : IAsyncDisposable
{
    private readonly string _repository;

    private Worktree(string repository, string path, string commit)
    {
        _repository = repository;
        Path = path;
        Commit = commit;
    }

    public string Path { get; }

    public string Commit { get; }

    /// <summary>Heal's temporary root for worktrees; everything validation writes lives below it.</summary>
    public static string TemporaryRoot =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "heal", "worktrees");

    /// <param name="path">Where to put it; a fresh folder under <see cref="TemporaryRoot"/> when null. A leftover worktree at that path (after a crash) is removed first.</param>
    public static async Task<Worktree> CreateAsync(string repository, string commit, CancellationToken cancellationToken, string? path = null)
    {
        Directory.CreateDirectory(TemporaryRoot);
        if (path is null)
        {
            path = System.IO.Path.Combine(TemporaryRoot, Guid.NewGuid().ToString("N")[..12]);
        }
        else if (Directory.Exists(path))
        {
            await new Worktree(repository, path, commit).DisposeAsync();
        }

        await GitCli.RunAsync(repository, ["worktree", "add", "--detach", "--quiet", path, commit], cancellationToken);
        return new Worktree(repository, path, commit);
    }

    /// <summary>Removes the worktree and its administrative entry, whatever state it is in. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await GitCli.TryRunAsync(_repository, ["worktree", "remove", "--force", Path], CancellationToken.None);
        }
        finally
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }
            }
            catch (IOException)
            {
                // A build server still holds a file; the prune below forgets the worktree anyway.
            }
            catch (UnauthorizedAccessException)
            {
            }

            await GitCli.TryRunAsync(_repository, ["worktree", "prune"], CancellationToken.None);
        }
    }
}
