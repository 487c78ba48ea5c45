namespace Heal.Core.Model;

/// <summary>A source line a diagnosis relied on.</summary>
/// <param name="Path">Repository-relative path, forward slashes.</param>
/// <param name="Line">One-based line in the current workspace file.</param>
/// <param name="Source">The line's text (trimmed).</param>
/// <param name="Role">Why it matters, e.g. <c>throwing frame</c>, <c>caller passes null</c>, <c>sibling guard</c>.</param>
public sealed record Evidence(string Path, int Line, string Source, string Role);
