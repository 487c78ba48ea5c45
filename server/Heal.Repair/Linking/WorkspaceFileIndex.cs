using System.Collections.Immutable;

namespace Heal.Repair.Linking;

/// <summary>
/// The files of one repository that frames may link to, keyed by file name. Built once per repository and
/// reused (the language server keeps one). Only regular files inside the repository are listed: <c>.git</c>,
/// <c>bin</c>, <c>obj</c> and <c>node_modules</c> are skipped, and so is every symbolic link whose target
/// lies outside the repository, so nothing outside it can ever be linked or opened.
/// </summary>
public sealed class WorkspaceFileIndex
{
    private static readonly ImmutableHashSet<string> s_skippedDirectories =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, ".git", "bin", "obj", "node_modules", ".vs", ".idea");

    private readonly Dictionary<string, List<string>> _byFileName;
    private readonly HashSet<string> _files;

    private WorkspaceFileIndex(string root, string realRoot, List<string> files)
    {
        Root = root;
        RealRoot = realRoot;
        Files = files.Order(StringComparer.Ordinal).ToImmutableArray();
        _files = new HashSet<string>(Files, StringComparer.Ordinal);
        _byFileName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Files)
        {
            var name = file[(file.LastIndexOf('/') + 1)..];
            if (!_byFileName.TryGetValue(name, out var list))
            {
                _byFileName[name] = list = [];
            }

            list.Add(file);
        }
    }

    /// <summary>The repository root as given, made absolute, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>The root with every symbolic link resolved; link targets must lie under it.</summary>
    public string RealRoot { get; }

    /// <summary>Repository-relative paths, forward slashes, sorted ordinally.</summary>
    public ImmutableArray<string> Files { get; }

    public static WorkspaceFileIndex Build(string root)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(fullRoot))
        {
            throw new DirectoryNotFoundException($"The repository '{root}' does not exist.");
        }

        var realRoot = SafePaths.RealPath(fullRoot);
        var files = new List<string>();
        var pending = new Stack<(string Directory, string Relative)>();
        pending.Push((fullRoot, ""));
        while (pending.Count > 0)
        {
            var (directory, relative) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var childRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry is DirectoryInfo)
                {
                    // Directory links are not followed: one pointing inside is already indexed under its real
                    // path, one pointing outside must never be reached, and neither can make a cycle.
                    if (entry.LinkTarget is null && !s_skippedDirectories.Contains(entry.Name))
                    {
                        pending.Push((entry.FullName, childRelative));
                    }
                }
                else if (entry.LinkTarget is null || SafePaths.LinkStaysInside(entry.FullName, realRoot))
                {
                    files.Add(childRelative);
                }
            }
        }

        return new WorkspaceFileIndex(fullRoot, realRoot, files);
    }

    /// <summary>True for directory names never indexed: <c>.git</c>, <c>bin</c>, <c>obj</c>, <c>node_modules</c>, IDE folders.</summary>
    public static bool IsSkippedDirectory(string name) => s_skippedDirectories.Contains(name);

    public bool Contains(string relativePath) => _files.Contains(relativePath);

    /// <summary>The absolute path of an indexed file; null for anything not in the index.</summary>
    public string? FullPath(string relativePath) =>
        _files.Contains(relativePath) ? Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)) : null;

    /// <summary>The repository-relative path of an absolute path inside the root, when it is indexed.</summary>
    public string? RelativePathOf(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(fullPath)).Replace('\\', '/');
        return _files.Contains(relative) ? relative : null;
    }

    /// <summary>The text of an indexed file; null when it is not indexed or cannot be read.</summary>
    public string? ReadText(string relativePath)
    {
        var full = FullPath(relativePath);
        if (full is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The indexed files whose path ends with the longest run of <paramref name="segments"/>, compared
    /// segment by segment from the file name backwards. Exact-case segments count first; a case-insensitive
    /// match is the fallback. Returns the best score (matched segments) and every file reaching it.
    /// </summary>
    public (int Score, ImmutableArray<string> Files) FindBySuffix(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0 || !_byFileName.TryGetValue(segments[^1], out var candidates))
        {
            return (0, ImmutableArray<string>.Empty);
        }

        var best = (Matched: 0, Exact: 0);
        var bestFiles = new List<string>();
        foreach (var candidate in candidates)
        {
            var score = SuffixScore(candidate.Split('/'), segments);
            var comparison = score.Matched != best.Matched ? score.Matched.CompareTo(best.Matched) : score.Exact.CompareTo(best.Exact);
            if (comparison > 0)
            {
                best = score;
                bestFiles.Clear();
            }

            if (comparison >= 0)
            {
                bestFiles.Add(candidate);
            }
        }

        return (best.Matched, bestFiles.ToImmutableArray());
    }

    private static (int Matched, int Exact) SuffixScore(string[] candidate, IReadOnlyList<string> segments)
    {
        var matched = 0;
        var exact = 0;
        while (matched < candidate.Length && matched < segments.Count)
        {
            var a = candidate[candidate.Length - 1 - matched];
            var b = segments[segments.Count - 1 - matched];
            if (string.Equals(a, b, StringComparison.Ordinal))
            {
                exact++;
            }
            else if (!string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            matched++;
        }

        return (matched, exact);
    }
}
