namespace Heal.Repair.Context;

/// <summary>An excerpt of a workspace file given to a diagnoser.</summary>
/// <param name="RelativePath">Repository-relative, forward slashes.</param>
/// <param name="StartLine">One-based first line of <see cref="Text"/>.</param>
/// <param name="Text">The lines, verbatim.</param>
/// <param name="Role">Why it is included: <c>throwing method</c>, <c>caller</c>, <c>called method</c>, <c>type</c>, <c>test</c>.</param>
public sealed record ContextSnippet(string RelativePath, int StartLine, string Text, string Role);
