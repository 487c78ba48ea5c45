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

    /// <param name="workRoot">Heal's own folder; worktrees go to its <c>worktrees</c> subfolder.</param>
    /// <param name="path">Where to put it; a fresh folder under <paramref name="workRoot"/> when null. A leftover worktree at that path (after a crash) is removed first.</param>
    public static async Task<Worktree> CreateAsync(string repository, string commit, string workRoot, CancellationToken cancellationToken, string? path = null)
    {
        if (path is null)
        {
            var root = System.IO.Path.Combine(workRoot, "worktrees");
            Directory.CreateDirectory(root);
            path = System.IO.Path.Combine(root, Guid.NewGuid().ToString("N")[..12]);
        }
        else if (Directory.Exists(path))
        {
            await new Worktree(repository, path, commit).DisposeAsync();
        }

        await GitCli.RunAsync(repository, ["worktree", "add", "--detach", "--quiet", path, commit], cancellationToken);
        return new Worktree(repository, path, commit);
    }

    /// <summary>
    /// Removes the worktree and its administrative entry, whatever state it is in. Never throws. The folder is deleted by
    /// Heal itself (links removed, never followed) before git forgets the worktree: code that ran in it may have rewritten
    /// its <c>.git</c> file, so no git command runs inside it any more.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        SafeDelete.Directory(Path);
        await GitCli.TryRunAsync(_repository, ["worktree", "prune"], CancellationToken.None);
    }
}
