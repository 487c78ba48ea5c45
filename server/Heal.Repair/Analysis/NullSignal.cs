using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>One reason to believe an expression can be null at the crash, with how much it weighs.</summary>
/// <param name="Kind">What kind of origin the reason is.</param>
/// <param name="Description">Plain words for the reviewer, e.g. <c>assigned from FirstOrDefault, which returns null when nothing matches</c>.</param>
/// <param name="Weight">How strongly it points at this expression, in (0,1]; evidence with weight 0 only explains.</param>
/// <param name="Node">The code that shows it (the assignment, the declaration, the sibling check), when any.</param>
public sealed record NullSignal(NullSignalKind Kind, string Description, double Weight, SyntaxNode? Node);
