namespace Heal.Repair.Workspace;

/// <summary>
/// Loads repositories once and hands the same <see cref="RepositoryWorkspace"/> to every caller until
/// <see cref="Invalidate"/> (files changed). Thread-safe; concurrent first callers share one load.
/// </summary>
public sealed class WorkspaceProvider
{
    private readonly Func<string, CancellationToken, Task<RepositoryWorkspace>> _load;
    private readonly Dictionary<string, Lazy<Task<RepositoryWorkspace>>> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public WorkspaceProvider()
        : this(AdhocWorkspaceLoader.LoadAsync)
    {
    }

    public WorkspaceProvider(Func<string, CancellationToken, Task<RepositoryWorkspace>> load)
    {
        _load = load;
    }

    public async Task<RepositoryWorkspace> GetAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        Lazy<Task<RepositoryWorkspace>> entry;
        lock (_lock)
        {
            if (!_loaded.TryGetValue(key, out entry!))
            {
                // The load is not tied to the first caller's token: others may be waiting on it.
                _loaded[key] = entry = new Lazy<Task<RepositoryWorkspace>>(() => _load(key, CancellationToken.None));
            }
        }

        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed load is not cached: the next caller tries again.
            lock (_lock)
            {
                if (_loaded.TryGetValue(key, out var current) && current == entry)
                {
                    _loaded.Remove(key);
                }
            }

            throw;
        }
    }

    public void Invalidate(string repositoryRoot)
    {
        lock (_lock)
        {
            _loaded.Remove(Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot)));
        }
    }
}
