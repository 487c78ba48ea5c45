using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>Whether code already rules out null for an expression at a point: a dominating check or an early exit.</summary>
public static class NullChecks
{
    /// <summary>
    /// True when <paramref name="receiver"/> is checked non-null on every path to <paramref name="use"/> inside its
    /// member: <c>if (x != null) { use }</c>, <c>x != null &amp;&amp; use</c>, <c>x == null || use</c>, <c>x is { } ? use : …</c>,
    /// <c>if (d.TryGetValue(k, out var x)) { use }</c>, or an earlier <c>if (x == null) return/continue/throw</c>.
    /// </summary>
    public static bool IsCheckedBefore(ExpressionSyntax receiver, SyntaxNode use)
    {
        var key = Normalize(receiver);
        SyntaxNode child = use;
        foreach (var ancestor in use.Ancestors())
        {
            switch (ancestor)
            {
                case IfStatementSyntax ifStatement when ifStatement.Statement == child && ImpliesNotNull(ifStatement.Condition, key):
                case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression) && conjunction.Right == child && ImpliesNotNull(conjunction.Left, key):
                case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression) && disjunction.Right == child && ImpliesNull(disjunction.Left, key):
                case ConditionalExpressionSyntax conditional when conditional.WhenTrue == child && ImpliesNotNull(conditional.Condition, key):
                    return true;
                case BlockSyntax block:
                    foreach (var statement in block.Statements.TakeWhile(s => s != child))
                    {
                        if (statement is IfStatementSyntax { Else: null } guard && ExitsAlways(guard.Statement) && ImpliesNull(guard.Condition, key))
                        {
                            return true;
                        }
                    }

                    break;
            }

            if (Rules.SourceLocator.IsMember(ancestor))
            {
                return false;
            }

            child = ancestor;
        }

        return false;
    }

    private static bool ImpliesNotNull(ExpressionSyntax condition, string key)
    {
        condition = AbsenceConventions.Unwrap(condition);
        switch (condition)
        {
            case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression):
                return ImpliesNotNull(conjunction.Left, key) || ImpliesNotNull(conjunction.Right, key);
            case BinaryExpressionSyntax notEquals when notEquals.IsKind(SyntaxKind.NotEqualsExpression):
                return notEquals.Right.IsKind(SyntaxKind.NullLiteralExpression) && Normalize(notEquals.Left) == key
                    || notEquals.Left.IsKind(SyntaxKind.NullLiteralExpression) && Normalize(notEquals.Right) == key;
            case IsPatternExpressionSyntax pattern when Normalize(pattern.Expression) == key:
                return pattern.Pattern is RecursivePatternSyntax or DeclarationPatternSyntax or TypePatternSyntax
                    || pattern.Pattern is UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: var constant } } not
                        && not.OperatorToken.IsKind(SyntaxKind.NotKeyword) && constant.IsKind(SyntaxKind.NullLiteralExpression);
            case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                return ImpliesNull(negation.Operand, key);
            case InvocationExpressionSyntax call:
                // `TryGetValue(k, out var x)` being true sets x.
                return call.ArgumentList.Arguments.Any(a => a.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) && a.Expression switch
                {
                    DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax d } => d.Identifier.Text == key,
                    var e => Normalize(e) == key,
                });
            default:
                return false;
        }
    }

    private static bool ImpliesNull(ExpressionSyntax condition, string key)
    {
        condition = AbsenceConventions.Unwrap(condition);
        if (condition is BinaryExpressionSyntax disjunction && disjunction.IsKind(SyntaxKind.LogicalOrExpression))
        {
            return ImpliesNull(disjunction.Left, key) || ImpliesNull(disjunction.Right, key);
        }

        if (condition is PrefixUnaryExpressionSyntax negation && negation.IsKind(SyntaxKind.LogicalNotExpression))
        {
            return ImpliesNotNull(negation.Operand, key);
        }

        var tested = AbsenceConventions.NullTest(condition, out _);
        return tested is not null && Normalize(tested) == key;
    }

    private static bool ExitsAlways(StatementSyntax statement) => statement switch
    {
        BlockSyntax { Statements.Count: > 0 } block => ExitsAlways(block.Statements[^1]),
        ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => true,
        _ => false,
    };

    private static string Normalize(ExpressionSyntax expression)
    {
        var unwrapped = AbsenceConventions.Unwrap(expression);
        if (unwrapped is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access)
        {
            unwrapped = access.Name;
        }

        return string.Concat(unwrapped.ToString().Where(c => !char.IsWhiteSpace(c)));
    }
}
