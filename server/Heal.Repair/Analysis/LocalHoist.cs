using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Moves an expression computed on the spot into a local declared just before its statement (<c>n / (a - b)</c> becomes
/// <c>var divisor = a - b;</c> and <c>n / divisor</c>), so that it can be tested without being evaluated twice. Only when
/// the statement evaluates it exactly once and moving it first keeps the order of everything it could affect
/// (<see cref="Evaluation.CanRunFirst"/>).
/// </summary>
public static class LocalHoist
{
    /// <summary>The rewrite that declares <paramref name="expression"/> as a local named after <paramref name="preferredName"/>; null (with why) when it cannot.</summary>
    public static SiteRewrite? Of(SyntaxNode root, ExpressionSyntax expression, SemanticModel model, string preferredName, out string whyNot)
    {
        var target = expression;
        while (target.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            target = parenthesized;
        }

        while (expression is ParenthesizedExpressionSyntax inner)
        {
            expression = inner.Expression;
        }

        var statement = target.FirstAncestorOrSelf<StatementSyntax>();
        if (statement?.Parent is not (BlockSyntax or SwitchSectionSyntax) || !RunsOnce(statement, target))
        {
            whyNot = "the expression is not evaluated once by a statement of a block";
            return null;
        }

        if (!Evaluation.Always(target, statement) || IsWritten(target))
        {
            whyNot = "the expression is not always evaluated by its statement, or is written to";
            return null;
        }

        // A target-typed expression (`new()`, `[..]`, `default`, a lambda, a conditional or switch without a natural type) takes
        // its type from where it stands, which a local declared apart from it would not give.
        if (expression is ImplicitObjectCreationExpressionSyntax or CollectionExpressionSyntax or AnonymousFunctionExpressionSyntax
                or ConditionalExpressionSyntax or SwitchExpressionSyntax or ThrowExpressionSyntax
            || expression.IsKind(SyntaxKind.DefaultLiteralExpression) || expression.IsKind(SyntaxKind.NullLiteralExpression))
        {
            whyNot = "the expression takes its type from where it stands";
            return null;
        }

        var type = model.GetTypeInfo(expression).Type;
        if (type is null or IErrorTypeSymbol || type.IsRefLikeType || type.SpecialType == SpecialType.System_Void
            || model.GetConstantValue(expression).HasValue)
        {
            whyNot = "the expression has no type a local can hold";
            return null;
        }

        if (!Evaluation.CanRunFirst(expression, statement, model))
        {
            whyNot = "moving the expression before its statement could change what the statement evaluates first";
            return null;
        }

        var style = FileStyle.Of(root);
        var scope = statement.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax) ?? statement;
        var name = RuleKit.FreeName(model, statement.SpanStart, preferredName, scope);
        var typeSyntax = style.PrefersVar || type.IsAnonymousType
            ? SyntaxFactory.IdentifierName("var")
            : SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(model, statement.SpanStart));
        var indent = FileStyle.LineIndent(root.SyntaxTree.GetText(), statement.SpanStart);
        var declaration = SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(typeSyntax.WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                        .WithInitializer(SyntaxFactory.EqualsValueClause(expression.WithoutTrivia())
                            .WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))))))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(style.NewLine));
        var mark = new SyntaxAnnotation("heal-site");
        var local = SyntaxFactory.IdentifierName(name).WithTriviaFrom(target).WithAdditionalAnnotations(mark);
        var rewritten = statement.ReplaceNode(target, local).WithLeadingTrivia(SyntaxFactory.Whitespace(indent));
        var newRoot = root.ReplaceNode(statement, [declaration, rewritten]);
        whyNot = "";
        return SiteRewrite.Of(root, statement, newRoot, mark, $"`{expression}` is computed once into the local `{name}` before its statement");
    }

    /// <summary>Statements that evaluate the expression once each time they run (no loop header evaluated again).</summary>
    private static bool RunsOnce(StatementSyntax statement, SyntaxNode target) => statement switch
    {
        ExpressionStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax => true,
        LocalDeclarationStatementSyntax d => !d.IsConst,
        IfStatementSyntax i => i.Condition.Span.Contains(target.Span),
        SwitchStatementSyntax s => s.Expression.Span.Contains(target.Span),
        ForEachStatementSyntax f => f.Expression.Span.Contains(target.Span),
        _ => false,
    };

    private static bool IsWritten(ExpressionSyntax target) => target.Parent switch
    {
        AssignmentExpressionSyntax a => a.Left == target,
        ArgumentSyntax a => !a.RefKindKeyword.IsKind(SyntaxKind.None),
        PrefixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) || p.IsKind(SyntaxKind.AddressOfExpression),
        PostfixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression),
        RefExpressionSyntax => true,
        _ => false,
    };
}
