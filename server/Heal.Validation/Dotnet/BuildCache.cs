using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Heal.Validation.Dotnet;

/// <summary>
/// Keeps restore and build outputs between validations of the same repository, outside any worktree, so a
/// validation rebuilds only what the patch changed. Each validation still gets a fresh worktree (at the same
/// path, so NuGet's restore is a no-op) that is removed afterwards.
/// </summary>
/// <remarks>
/// MSBuild decides what to recompile from file times, and a fresh checkout gives every file a new time. So
/// before building, every file whose content is the same as at the last successful build gets a fixed old
/// time, and every other file (the patch, anything changed since) gets the current time. The record of what
/// was built is deleted before a build and written only after it succeeds: after a failure or a crash,
/// everything counts as changed and the next build is a full one. A stale output can therefore never be
/// mistaken for a fresh one.
/// A symbolic link (a repository may commit one, pointing anywhere) is recorded by its target text and never followed:
/// the cache neither reads nor re-times anything outside the worktree.
/// </remarks>
public sealed class BuildCache : IDisposable
{
    private const string LinkPrefix = "link:";
    private static readonly DateTime s_unchanged = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly FileStream _lock;

    private BuildCache(string root, FileStream @lock)
    {
        Root = root;
        _lock = @lock;
    }

    public string Root { get; }

    /// <summary>Where <c>dotnet build --artifacts-path</c> puts bin and obj.</summary>
    public string ArtifactsPath => Path.Combine(Root, "artifacts");

    /// <summary>The stable worktree path for this repository.</summary>
    public string WorktreePath => Path.Combine(Root, "worktree");

    private string ManifestPath => Path.Combine(Root, "built.json");

    /// <summary>
    /// Set by <see cref="PrepareAsync"/>: the last successful build restored exactly the project, props, targets and
    /// NuGet files the worktree holds now, so its restore output is current and <c>--no-restore</c> is safe.
    /// </summary>
    public bool RestoreIsCurrent { get; private set; }

    /// <summary>Opens the cache of <paramref name="repository"/>, waiting while another validation of it runs.</summary>
    public static async Task<BuildCache> OpenAsync(string repository, string workRoot, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(repository))))[..16].ToLowerInvariant();
        var root = Path.Combine(workRoot, "cache", key);
        root = Path.GetFullPath(root);
        PruneAbandoned(Path.GetDirectoryName(root)!, root);
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "repository"), Path.GetFullPath(repository), cancellationToken);
        while (true)
        {
            try
            {
                var stream = new FileStream(Path.Combine(root, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new BuildCache(root, stream);
            }
            catch (IOException)
            {
                // Another validation of the same repository holds the cache; validations of one repository run one at a time.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    /// <summary>Sets file times in <paramref name="worktree"/> from the record of the last successful build, then forgets that record.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PrepareAsync(string worktree, CancellationToken cancellationToken)
    {
        var current = Snapshot(worktree);
        Dictionary<string, string>? built = null;
        if (File.Exists(ManifestPath))
        {
            try
            {
                built = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(ManifestPath, cancellationToken));
            }
            catch (JsonException)
            {
                built = null;
            }
        }

        var now = DateTime.UtcNow;
        foreach (var (path, hash) in current.Where(f => !f.Value.StartsWith(LinkPrefix, StringComparison.Ordinal)))
        {
            var unchanged = built is not null && built.TryGetValue(path, out var previous) && previous == hash;
            File.SetLastWriteTimeUtc(Path.Combine(worktree, path), unchanged ? s_unchanged : now);
        }

        RestoreIsCurrent = built is not null && RestoreInputs(built).SequenceEqual(RestoreInputs(current));
        File.Delete(ManifestPath);
        return current;
    }

    /// <summary>Records what the last successful build compiled.</summary>
    public Task RecordBuiltAsync(string worktree, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(ManifestPath, JsonSerializer.Serialize(Snapshot(worktree)), cancellationToken);

    public void Dispose() => _lock.Dispose();

    /// <summary>Deletes caches of repositories that no longer exist or were not validated for a week. Best effort.</summary>
    private static void PruneAbandoned(string cachesRoot, string keep)
    {
        if (!Directory.Exists(cachesRoot))
        {
            return;
        }

        foreach (var cache in Directory.EnumerateDirectories(cachesRoot))
        {
            if (string.Equals(cache, keep, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var marker = Path.Combine(cache, "repository");
                var abandoned = !File.Exists(marker)
                    || !Directory.Exists(File.ReadAllText(marker).Trim())
                    || File.GetLastWriteTimeUtc(marker) < DateTime.UtcNow.AddDays(-7);
                if (!abandoned)
                {
                    continue;
                }

                // Holding the lock proves no validation uses the cache right now.
                using (new FileStream(Path.Combine(cache, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                }

                Directory.Delete(cache, recursive: true);
            }
            catch (IOException)
            {
                // In use by another validation, or a file is held: leave it for next time.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> RestoreInputs(IReadOnlyDictionary<string, string> files) =>
        files.Where(f => IsRestoreInput(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal);

    private static bool IsRestoreInput(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.EndsWith(".csproj", StringComparison.Ordinal) || name.EndsWith(".props", StringComparison.Ordinal)
            || name.EndsWith(".targets", StringComparison.Ordinal) || name is "nuget.config" or "global.json" or "packages.lock.json";
    }

    /// <summary>Every file of the worktree by content hash, and every symbolic link by its target; links are not followed.</summary>
    private static Dictionary<string, string> Snapshot(string worktree)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(worktree)]);
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(worktree, entry.FullName).Replace('\\', '/');
                if (relative == ".git")
                {
                    continue;
                }

                if (entry.LinkTarget is { } target)
                {
                    result[relative] = LinkPrefix + target;
                }
                else if (entry is DirectoryInfo directory)
                {
                    pending.Push(directory);
                }
                else
                {
                    using var stream = File.OpenRead(entry.FullName);
                    result[relative] = Convert.ToHexString(SHA256.HashData(stream));
                }
            }
        }

        return result;
    }
}
