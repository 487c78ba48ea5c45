using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>An early exit the code already takes: <c>if (condition) return …;</c> (or <c>throw</c>, <c>continue</c>, <c>break</c>), or <c>?? throw</c>.</summary>
/// <param name="Condition">The guarding condition, or the coalesced value for <c>?? throw</c>.</param>
/// <param name="Jump">The exit statement, or the <c>throw</c> expression for <c>?? throw</c>.</param>
/// <param name="Effects">What the guard does before leaving (recording an error, logging); empty for a bare exit.</param>
public sealed record GuardedExit(ExpressionSyntax Condition, Microsoft.CodeAnalysis.SyntaxNode Jump, ImmutableArray<StatementSyntax> Effects = default)
{
    public bool HasEffects => !Effects.IsDefaultOrEmpty;

    public bool IsThrow => Jump is ThrowStatementSyntax or ThrowExpressionSyntax;

    public bool IsLoopExit => Jump is ContinueStatementSyntax or BreakStatementSyntax;

    /// <summary>The returned value, or null for a <c>return;</c> or a non-return exit.</summary>
    public ExpressionSyntax? ReturnedValue => (Jump as ReturnStatementSyntax)?.Expression;

    /// <summary>The exception thrown, when the exit throws a <c>new E(…)</c>.</summary>
    public BaseObjectCreationExpressionSyntax? ThrownCreation => Jump switch
    {
        ThrowStatementSyntax t => t.Expression as BaseObjectCreationExpressionSyntax,
        ThrowExpressionSyntax t => t.Expression as BaseObjectCreationExpressionSyntax,
        _ => null,
    };
}
