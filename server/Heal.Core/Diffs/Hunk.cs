using System.Collections.Immutable;

namespace Heal.Core.Diffs;

/// <summary>One <c>@@ -OldStart,OldCount +NewStart,NewCount @@</c> block of a file patch.</summary>
/// <param name="OldStart">One-based first line in the old file; when <paramref name="OldCount"/> is 0, the line after which the hunk inserts.</param>
public sealed record Hunk(int OldStart, int OldCount, int NewStart, int NewCount, ImmutableArray<HunkLine> Lines)
{
    public string Header => $"@@ -{Range(OldStart, OldCount)} +{Range(NewStart, NewCount)} @@";

    /// <summary>The lines the old file must contain for the hunk to apply: context and removed lines.</summary>
    public IEnumerable<HunkLine> OldLines => Lines.Where(l => l.Kind != HunkLineKind.Added);

    /// <summary>The lines that replace them: context and added lines.</summary>
    public IEnumerable<HunkLine> NewLines => Lines.Where(l => l.Kind != HunkLineKind.Removed);

    public int ChangedLineCount => Lines.Count(l => l.Kind != HunkLineKind.Context);

    public override string ToString() => Header;

    // git omits a count of 1.
    internal static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";
}
