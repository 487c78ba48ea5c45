namespace Heal.Core.Model;

/// <summary>
/// One thing the repository says about what should happen when the failing condition occurs: a sentence of XML
/// documentation, a nullable annotation, the method's own exit for the analogous case, a sibling's handling, a
/// visible test's assertion. Code the team wrote; never text from the event.
/// </summary>
/// <param name="Kind">Stable kind: <c>doc</c>, <c>nullable</c>, <c>attribute</c>, <c>required</c>, <c>constant</c>, <c>own-exit</c>,
/// <c>sibling</c>, <c>caller</c>, <c>producer</c>, <c>test</c>, <c>event</c>.</param>
/// <param name="Path">Repository-relative path, forward slashes.</param>
/// <param name="Line">One-based line in the current workspace file.</param>
/// <param name="Text">What it says, trimmed (the documentation sentence, the code line).</param>
/// <param name="Outcome">The outcome it names in plain words (<c>return null</c>, <c>skip the item</c>, <c>throw OrderNotFoundException</c>),
/// prefixed with <c>not </c> when it forbids one; null when it names none (it only says the value may be absent, or may not).</param>
public sealed record IntentEvidence(string Kind, string Path, int Line, string Text, string? Outcome = null);
