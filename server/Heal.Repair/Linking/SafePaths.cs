namespace Heal.Repair.Linking;

/// <summary>Path checks that keep every read inside the repository.</summary>
internal static class SafePaths
{
    /// <summary>The path with every symbolic link along it resolved (like <c>realpath</c>).</summary>
    public static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            current = target?.FullName ?? next;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    /// <summary>True when the link at <paramref name="linkPath"/> resolves to an existing file under <paramref name="realRoot"/>, outside <c>.git</c>.</summary>
    public static bool LinkStaysInside(string linkPath, string realRoot)
    {
        try
        {
            var target = RealPath(linkPath);
            return File.Exists(target) && IsUnder(target, realRoot)
                && !Path.GetRelativePath(realRoot, target).Replace('\\', '/').Split('/').Contains(".git", StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static bool IsUnder(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }
}
