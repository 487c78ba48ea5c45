namespace Heal.Core.Diffs;

public enum HunkLineKind
{
    Context,
    Removed,
    Added,
}
