using System.Collections.Immutable;

namespace Heal.Core.Diffs;

/// <summary>The changes to one file. Paths are repository-relative with forward slashes; null stands for <c>/dev/null</c>.</summary>
/// <param name="OldPath">The path before the change, or null for a new file.</param>
/// <param name="NewPath">The path after the change, or null for a deleted file.</param>
public sealed record FilePatch(string? OldPath, string? NewPath, ImmutableArray<Hunk> Hunks)
{
    public bool IsNew => OldPath is null;

    public bool IsDeleted => NewPath is null;

    /// <summary>The path the patch concerns: the new path, or the old one for a deletion.</summary>
    public string Path => NewPath ?? OldPath ?? "";

    public int ChangedLineCount => Hunks.Sum(h => h.ChangedLineCount);
}
