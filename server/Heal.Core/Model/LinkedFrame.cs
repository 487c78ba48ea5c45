namespace Heal.Core.Model;

/// <summary>A stack frame linked to a file of the open workspace. Only frames inside the workspace are ever linked.</summary>
/// <param name="Frame">The frame as reported.</param>
/// <param name="RelativePath">Repository-relative path, forward slashes, never containing <c>..</c>.</param>
/// <param name="Line">One-based line in the workspace file now, re-anchored when the file changed since the release.</param>
/// <param name="Reanchored">True when <see cref="Line"/> differs from the reported line because the file changed.</param>
/// <param name="Index">Position of the frame in its exception's frame list (Sentry order).</param>
public sealed record LinkedFrame(StackFrame Frame, string RelativePath, int Line, bool Reanchored, int Index);
