using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Core.Diffs;

/// <summary>
/// A parsed unified diff (git format or plain <c>---</c>/<c>+++</c>), one <see cref="FilePatch"/> per file.
/// Built only by <see cref="Parse"/>, which refuses any path that could escape the repository.
/// </summary>
public sealed record Patch(ImmutableArray<FilePatch> Files)
{
    /// <summary>How far from its stated line a hunk may be found; beyond that the file changed too much to trust it.</summary>
    public const int MaxOffset = 50;

    /// <summary>Lines added plus lines removed, over all files.</summary>
    public int ChangedLineCount => Files.Sum(f => f.ChangedLineCount);

    /// <summary>
    /// Reads <paramref name="diffText"/>. All or nothing: any unsafe path or malformed hunk fails the whole patch,
    /// since applying part of a patch is worse than applying none. Prose around the diff (an LLM's answer) is ignored.
    /// </summary>
    public static ParseResult<Patch> Parse(string diffText) => PatchParser.Parse(diffText ?? "");

    /// <summary>
    /// Applies <paramref name="file"/> to <paramref name="originalText"/>: the new text, or the first hunk that does
    /// not apply. Context must match exactly; a hunk may only be found up to <see cref="MaxOffset"/> lines away.
    /// </summary>
    public static ParseResult<string> ApplyTo(string originalText, FilePatch file) => PatchApplier.Apply(originalText ?? "", file);
}
