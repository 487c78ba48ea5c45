using System.Collections.Immutable;

namespace Heal.Validation.Gates;

/// <param name="Path">Repository-relative path after the change (the old path for a deletion).</param>
public sealed record ChangedFile(string Path, bool IsNew, bool IsDeleted, bool IsRename, ImmutableArray<string> AddedLines, int RemovedLineCount);
