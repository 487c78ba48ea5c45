namespace Heal.Core.Diffs;

/// <summary>One line of a hunk, without its prefix character or line feed (a CRLF file's lines keep their '\r').</summary>
/// <param name="NoNewlineAtEnd">True when a <c>\ No newline at end of file</c> marker follows: the line ends its file without a line feed.</param>
public sealed record HunkLine(HunkLineKind Kind, string Text, bool NoNewlineAtEnd = false)
{
    public override string ToString() => Kind switch
    {
        HunkLineKind.Context => " ",
        HunkLineKind.Removed => "-",
        _ => "+",
    } + Text;
}
