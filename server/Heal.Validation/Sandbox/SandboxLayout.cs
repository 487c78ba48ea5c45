namespace Heal.Validation.Sandbox;

/// <summary>
/// Which folders a sandboxed run sees, as bubblewrap mount options. Pure: decided from paths alone. Hidden folders (the
/// home folder, <c>/tmp</c>, <c>$TMPDIR</c>, Heal's work folder) become empty; inside them, the read-only and the writable
/// folders are mounted again at their own paths, with the folders on the way made (mode 0755) so another user can reach them.
/// </summary>
/// <param name="Hidden">Folders replaced by an empty one.</param>
/// <param name="ReadOnly">Folders visible read-only (the repository, NuGet packages, the SDK), even inside a hidden one.</param>
/// <param name="Writable">The only writable folders: the worktree and the private folder.</param>
/// <param name="WorkingDirectory">Where the program starts (the worktree).</param>
internal sealed record SandboxLayout(IReadOnlyList<string> Hidden, IReadOnlyList<string> ReadOnly, IReadOnlyList<string> Writable, string WorkingDirectory)
{
    public IEnumerable<string> MountArguments()
    {
        var hidden = Hidden.Select(Normalize).Where(h => h != "/").Distinct(StringComparer.Ordinal).OrderBy(h => h.Length).ToList();
        var outermost = hidden.Where(h => !hidden.Any(o => o != h && IsUnder(h, o))).ToList();
        foreach (var folder in outermost)
        {
            yield return "--perms";
            yield return folder == "/tmp" ? "1777" : "0755";
            yield return "--tmpfs";
            yield return folder;
        }

        var made = new HashSet<string>(StringComparer.Ordinal);
        var binds = ReadOnly.Select(p => (Path: Normalize(p), Writable: false))
            .Concat(Writable.Select(p => (Path: Normalize(p), Writable: true)))
            .OrderBy(b => b.Path.Count(c => c == '/'))
            .ThenBy(b => b.Writable);
        foreach (var (path, writable) in binds)
        {
            if (outermost.FirstOrDefault(h => IsUnder(path, h)) is { } root)
            {
                // The folders between the empty one and the mount point, readable by the sandbox's user.
                var parent = Path.GetDirectoryName(path)!;
                var between = new Stack<string>();
                while (parent.Length > root.Length)
                {
                    between.Push(parent);
                    parent = Path.GetDirectoryName(parent)!;
                }

                foreach (var folder in between.Where(made.Add))
                {
                    yield return "--perms";
                    yield return "0755";
                    yield return "--dir";
                    yield return folder;
                }
            }

            yield return writable ? "--bind" : "--ro-bind";
            yield return path;
            yield return path;
        }
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder + "/", StringComparison.Ordinal);
}
