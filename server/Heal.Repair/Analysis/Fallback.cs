using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>What the code does when something is not there, as inferred from the code itself.</summary>
/// <param name="Jump">The exit statement to insert, e.g. <c>return null;</c>, <c>continue;</c> or <c>throw new NotFoundException(…);</c>.</param>
/// <param name="Value">The returned value's text when the exit returns a value (usable inside an expression), else null.</param>
/// <param name="Confidence">How strongly the code implies this answer.</param>
/// <param name="Reason">Where it came from, for the reviewer.</param>
/// <param name="Source">The code it was learnt from (for evidence); null when it came from the signature alone.</param>
/// <param name="Effects">Statements to run before <see cref="Jump"/> (an error recorded the way the sibling records it); null for none.</param>
public sealed record Fallback(string Jump, string? Value, double Confidence, string Reason, SyntaxNode? Source, IReadOnlyList<string>? Effects = null);
