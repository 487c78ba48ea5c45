using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>One place on a line where <paramref name="Receiver"/> is dereferenced.</summary>
/// <param name="Kind">How it is dereferenced.</param>
/// <param name="Receiver">The expression that would be null.</param>
/// <param name="Node">The dereferencing expression (the member access, the element access, the foreach…).</param>
public sealed record Dereference(DereferenceKind Kind, ExpressionSyntax Receiver, SyntaxNode Node);
