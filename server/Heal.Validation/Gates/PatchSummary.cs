using System.Collections.Immutable;

namespace Heal.Validation.Gates;

/// <summary>The facts the static gates need about a patch: which files it touches and which lines it adds.</summary>
public sealed record PatchSummary(ImmutableArray<ChangedFile> Files)
{
    public int ChangedLineCount => Files.Sum(f => f.AddedLines.Length + f.RemovedLineCount);

    /// <summary>
    /// Reads the file headers and hunk lines of a git-format diff. Null when the text holds no file diff.
    /// Whether the hunks apply is the <c>applies</c> gate's business (<c>git apply --check</c>), not this one's.
    /// </summary>
    public static PatchSummary? FromDiff(string diff)
    {
        var files = ImmutableArray.CreateBuilder<ChangedFile>();
        string? oldPath = null;
        string? newPath = null;
        var isNew = false;
        var isDeleted = false;
        var isRename = false;
        var added = ImmutableArray.CreateBuilder<string>();
        var removed = 0;
        var inHunk = false;
        var started = false;

        void Flush()
        {
            if (started)
            {
                var path = (isDeleted ? oldPath : newPath) ?? oldPath ?? newPath ?? string.Empty;
                files.Add(new ChangedFile(path, isNew, isDeleted, isRename || (oldPath is not null && newPath is not null && oldPath != newPath && !isNew && !isDeleted), added.ToImmutable(), removed));
            }

            oldPath = newPath = null;
            isNew = isDeleted = isRename = inHunk = false;
            added.Clear();
            removed = 0;
        }

        foreach (var raw in diff.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush();
                started = true;
                continue;
            }

            if (raw.StartsWith("--- ", StringComparison.Ordinal) && !inHunk)
            {
                if (!started)
                {
                    started = true;
                }

                oldPath = StripPrefix(raw[4..], "a/");
                isNew = oldPath is null;
                continue;
            }

            if (raw.StartsWith("+++ ", StringComparison.Ordinal) && !inHunk)
            {
                newPath = StripPrefix(raw[4..], "b/");
                isDeleted = newPath is null;
                continue;
            }

            if (raw.StartsWith("new file mode", StringComparison.Ordinal))
            {
                isNew = true;
            }
            else if (raw.StartsWith("deleted file mode", StringComparison.Ordinal))
            {
                isDeleted = true;
            }
            else if (raw.StartsWith("rename from", StringComparison.Ordinal) || raw.StartsWith("copy from", StringComparison.Ordinal))
            {
                isRename = true;
            }
            else if (raw.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunk = true;
            }
            else if (inHunk && raw.StartsWith('+'))
            {
                added.Add(raw[1..]);
            }
            else if (inHunk && raw.StartsWith('-'))
            {
                removed++;
            }
            else if (inHunk && raw.Length > 0 && raw[0] is not ' ' and not '\\')
            {
                inHunk = false;
            }
        }

        Flush();
        return files.Count == 0 ? null : new PatchSummary(files.ToImmutable());
    }

    private static string? StripPrefix(string path, string prefix)
    {
        var trimmed = path.Split('\t')[0].Trim();
        if (trimmed == "/dev/null")
        {
            return null;
        }

        return trimmed.StartsWith(prefix, StringComparison.Ordinal) ? trimmed[prefix.Length..] : trimmed;
    }
}
