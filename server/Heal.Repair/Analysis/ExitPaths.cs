using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Finds how a method already leaves early (its guards) and classifies guard conditions, so a rule can reuse the
/// code's own answer for "nothing there" or "bad input" instead of inventing one.
/// </summary>
public static class ExitPaths
{
    /// <summary>Guards directly inside <paramref name="member"/> (not inside nested lambdas or local functions).</summary>
    public static IEnumerable<GuardedExit> Guards(SyntaxNode member)
    {
        foreach (var node in OwnNodes(member))
        {
            if (node is IfStatementSyntax { Else: null } ifStatement && SingleJump(ifStatement.Statement) is { } jump)
            {
                yield return new GuardedExit(ifStatement.Condition, jump);
            }
            else if (node is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax thrown } coalesce)
            {
                yield return new GuardedExit(coalesce.Left, thrown);
            }
        }
    }

    /// <summary>
    /// Guards whose body does something before leaving: <c>if (…) { errors.Add(…); continue; }</c>. The effects are plain
    /// expression statements (at most three); the last statement is the exit.
    /// </summary>
    public static IEnumerable<GuardedExit> GuardsWithEffects(SyntaxNode member)
    {
        foreach (var node in OwnNodes(member))
        {
            if (node is IfStatementSyntax { Else: null, Statement: BlockSyntax { Statements.Count: > 1 and <= 4 } block } ifStatement
                && SingleJump(block.Statements[^1]) is { } jump
                && block.Statements.Take(block.Statements.Count - 1).All(s => s is ExpressionStatementSyntax))
            {
                yield return new GuardedExit(ifStatement.Condition, jump, [.. block.Statements.Take(block.Statements.Count - 1)]);
            }
        }
    }

    /// <summary>The failed parse a guard tests (<c>!int.TryParse(text, out var n)</c>): the call, or null.</summary>
    public static InvocationExpressionSyntax? FailedParse(ExpressionSyntax condition) =>
        Unparenthesize(condition) is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not
        && Unparenthesize(not.Operand) is InvocationExpressionSyntax call
        && MethodName(call) is { } name && name.StartsWith("TryParse", StringComparison.Ordinal)
        && call.ArgumentList.Arguments.Count >= 2
        && call.ArgumentList.Arguments[^1].RefKindKeyword.IsKind(SyntaxKind.OutKeyword)
            ? call
            : null;

    /// <summary>The nodes of a member's body, skipping nested lambdas and local functions (their returns are not the member's).</summary>
    public static IEnumerable<SyntaxNode> OwnNodes(SyntaxNode member) =>
        member.DescendantNodes(n => n == member || (n is not AnonymousFunctionExpressionSyntax && n is not LocalFunctionStatementSyntax));

    public static IEnumerable<ReturnStatementSyntax> Returns(SyntaxNode member) => OwnNodes(member).OfType<ReturnStatementSyntax>();

    public static StatementSyntax? SingleJump(StatementSyntax body) => body switch
    {
        BlockSyntax { Statements.Count: 1 } block => SingleJump(block.Statements[0]),
        ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => body,
        _ => null,
    };

    /// <summary>
    /// True for conditions that test for absence or emptiness: <c>x == null</c>, <c>x is null</c>,
    /// <c>!d.TryGetValue(…)</c>, <c>!d.ContainsKey(…)</c>, <c>x.Count == 0</c>, <c>!x.Any()</c>, <c>string.IsNullOrEmpty(x)</c>.
    /// </summary>
    public static bool IsAbsenceTest(ExpressionSyntax condition)
    {
        condition = Unparenthesize(condition);
        switch (condition)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or:
                return IsAbsenceTest(or.Left) || IsAbsenceTest(or.Right);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } binary:
                return IsNullOrZero(binary.Right) || IsNullOrZero(binary.Left);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanOrEqualExpression, Left: MemberAccessExpressionSyntax size } lessOrEqual:
                return size.Name.Identifier.ValueText is "Count" or "Length" && IsNullOrZero(lessOrEqual.Right);
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant }:
                return IsNullOrZero(constant.Expression);
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: TypePatternSyntax or DeclarationPatternSyntax or RecursivePatternSyntax } }:
                return true;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Unparenthesize(not.Operand) is InvocationExpressionSyntax negated
                    && MethodName(negated) is "TryGetValue" or "ContainsKey" or "Contains" or "Any" or "TryGet" or "Exists";
            case InvocationExpressionSyntax invocation:
                return MethodName(invocation) is "IsNullOrEmpty" or "IsNullOrWhiteSpace";
            default:
                return false;
        }
    }

    /// <summary>True for guards about input validity: null and string checks, range comparisons, failed <c>TryParse</c>.</summary>
    public static bool IsValidationTest(ExpressionSyntax condition)
    {
        condition = Unparenthesize(condition);
        return condition switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.LogicalAndExpression } b =>
                IsValidationTest(b.Left) || IsValidationTest(b.Right),
            BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LessThanExpression) || b.IsKind(SyntaxKind.GreaterThanExpression)
                || b.IsKind(SyntaxKind.LessThanOrEqualExpression) || b.IsKind(SyntaxKind.GreaterThanOrEqualExpression) => true,
            InvocationExpressionSyntax i => MethodName(i) is "IsNullOrEmpty" or "IsNullOrWhiteSpace",
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } => true,
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } => true,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not =>
                Unparenthesize(not.Operand) is InvocationExpressionSyntax i
                    && (MethodName(i) is { } name && (name.StartsWith("TryParse", StringComparison.Ordinal) || name.StartsWith("IsValid", StringComparison.Ordinal) || name is "IsMatch" or "All" or "IsDefined")),
            _ => false,
        };
    }

    public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
        _ => null,
    };

    public static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax p)
        {
            expression = p.Expression;
        }

        return expression;
    }

    private static bool IsNullOrZero(ExpressionSyntax expression) =>
        Unparenthesize(expression) is LiteralExpressionSyntax literal
        && (literal.IsKind(SyntaxKind.NullLiteralExpression) || (literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.ValueText == "0"));

    /// <summary>True for literal "nothing" values: <c>null</c>, <c>default</c>, <c>false</c>, <c>0</c>, <c>""</c>, <c>string.Empty</c>, empty collections.</summary>
    public static bool IsNeutralValue(ExpressionSyntax expression)
    {
        expression = Unparenthesize(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Kind() switch
                {
                    SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression or SyntaxKind.FalseLiteralExpression => true,
                    SyntaxKind.NumericLiteralExpression => literal.Token.Value is 0 or 0L or 0m or 0d or 0f,
                    SyntaxKind.StringLiteralExpression => literal.Token.ValueText.Length == 0,
                    _ => false,
                };
            case DefaultExpressionSyntax:
                return true;
            case CollectionExpressionSyntax collection:
                return collection.Elements.Count == 0;
            case MemberAccessExpressionSyntax member:
                return member.Name.Identifier.ValueText is "Empty" or "Zero" or "MinValue" && member.Expression is PredefinedTypeSyntax or IdentifierNameSyntax or QualifiedNameSyntax or GenericNameSyntax;
            case InvocationExpressionSyntax invocation:
                return MethodName(invocation) == "Empty" && invocation.ArgumentList.Arguments.Count == 0;
            case BaseObjectCreationExpressionSyntax creation:
                return (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0)
                    && (creation.Initializer is null || creation.Initializer.Expressions.Count == 0);
            case ArrayCreationExpressionSyntax array:
                return array.Initializer is { Expressions.Count: 0 }
                    || array.Type.RankSpecifiers.SelectMany(r => r.Sizes).All(s => s is LiteralExpressionSyntax l && l.Token.ValueText == "0");
            default:
                return false;
        }
    }

    /// <summary>The innermost loop enclosing <paramref name="node"/> inside <paramref name="member"/>, if any.</summary>
    public static StatementSyntax? EnclosingLoop(SyntaxNode node, SyntaxNode member) =>
        node.Ancestors().TakeWhile(a => a != member && a is not AnonymousFunctionExpressionSyntax && a is not LocalFunctionStatementSyntax)
            .OfType<StatementSyntax>()
            .FirstOrDefault(s => s is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
}
