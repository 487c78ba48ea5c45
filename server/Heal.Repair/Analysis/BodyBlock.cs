using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>
/// Gives an expression-bodied member, accessor, local function or lambda a block body (<c>=&gt; e;</c> becomes
/// <c>{ return e; }</c>, or <c>{ e; }</c> when nothing is returned), so that a guard can stand before the statement that
/// evaluates the failing code. Behaviour is unchanged; the block is laid out in the file's own style.
/// </summary>
public static class BodyBlock
{
    /// <summary>
    /// The rewrite giving the expression body around <paramref name="node"/> a block, with <paramref name="node"/> marked in it;
    /// null when <paramref name="node"/> is not always evaluated by that body, or the body cannot become a statement
    /// (a <c>throw</c> or <c>ref</c> expression, a body that is already a block).
    /// </summary>
    public static SiteRewrite? Around(SyntaxNode root, SyntaxNode node, SemanticModel model, out string whyNot)
    {
        whyNot = "the failing code is not in an expression body";
        SyntaxNode? owner = null;
        ExpressionSyntax? body = null;
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor is StatementSyntax or BlockSyntax)
            {
                return null;
            }

            if (ancestor is ArrowExpressionClauseSyntax arrow)
            {
                (owner, body) = (arrow.Parent, arrow.Expression);
                break;
            }

            if (ancestor is LambdaExpressionSyntax { ExpressionBody: { } lambdaBody } lambda && ancestor != node)
            {
                (owner, body) = (lambda, lambdaBody);
                break;
            }
        }

        if (owner is null || body is null)
        {
            return null;
        }

        if (body is ThrowExpressionSyntax or RefExpressionSyntax || !Evaluation.Always(node, body))
        {
            whyNot = "the failing code is not always evaluated by the expression body around it";
            return null;
        }

        // An expression tree (`Expression<Func<…>>`) cannot hold a statement body.
        if (owner is LambdaExpressionSyntax && model.GetTypeInfo(owner).ConvertedType is INamedTypeSymbol { Name: "Expression", ContainingNamespace: var ns }
            && ns.ToDisplayString() == "System.Linq.Expressions")
        {
            whyNot = "the lambda is an expression tree, which cannot hold statements";
            return null;
        }

        if (Returns(owner, model) is not { } returns)
        {
            whyNot = "what the expression body returns is not known";
            return null;
        }

        var mark = new SyntaxAnnotation("heal-site");
        var style = FileStyle.Of(root);
        var indent = FileStyle.LineIndent(root.SyntaxTree.GetText(), owner.SpanStart);
        style = style with
        {
            OpenBraceOnOwnLine = BracesOnOwnLine(root) ?? style.OpenBraceOnOwnLine,
            IndentUnit = indent.Contains('\t', StringComparison.Ordinal) ? "\t" : indent.Length > 0 && style.IndentUnit.Contains('\t', StringComparison.Ordinal) ? "    " : style.IndentUnit,
        };
        var markedBody = body.ReplaceNode(node, node.WithAdditionalAnnotations(mark)).WithoutTrivia();
        StatementSyntax statement = returns
            ? SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), markedBody, SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            : SyntaxFactory.ExpressionStatement(markedBody);
        var replacement = Replace(owner, statement, indent, style);
        if (replacement is null)
        {
            whyNot = "this kind of expression body cannot be given a block";
            return null;
        }

        var name = owner is LambdaExpressionSyntax ? "the lambda" : $"`{MemberName(owner)}`";
        return SiteRewrite.Of(root, owner, root.ReplaceNode(owner, replacement), mark, $"{name} gets a block body so that a statement can stand before the failing code");
    }

    private static SyntaxNode? Replace(SyntaxNode owner, StatementSyntax statement, string indent, FileStyle style)
    {
        switch (owner)
        {
            case LambdaExpressionSyntax lambda:
                var lambdaBlock = Block(statement, indent, style);
                return lambda is SimpleLambdaExpressionSyntax simple
                    ? simple.WithArrowToken(simple.ArrowToken.WithTrailingTrivia()).WithExpressionBody(null).WithBlock(lambdaBlock)
                    : ((ParenthesizedLambdaExpressionSyntax)lambda).WithArrowToken(lambda.ArrowToken.WithTrailingTrivia()).WithExpressionBody(null).WithBlock(lambdaBlock);
            case BaseMethodDeclarationSyntax method:
                return Strip(method.WithExpressionBody(null).WithSemicolonToken(default))
                    .WithBody(Block(statement, indent, style).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
            case LocalFunctionStatementSyntax local:
                return Strip(local.WithExpressionBody(null).WithSemicolonToken(default))
                    .WithBody(Block(statement, indent, style).WithTrailingTrivia(local.SemicolonToken.TrailingTrivia));
            case AccessorDeclarationSyntax accessor:
                return accessor.WithKeyword(accessor.Keyword.WithTrailingTrivia()).WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(Block(statement, indent, style).WithTrailingTrivia(accessor.SemicolonToken.TrailingTrivia));
            case BasePropertyDeclarationSyntax property:
                var inner = indent + style.IndentUnit;
                var get = SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration)
                    .WithKeyword(SyntaxFactory.Token(SyntaxKind.GetKeyword).WithLeadingTrivia(SyntaxFactory.Whitespace(inner)))
                    .WithBody(Block(statement, inner, style).WithTrailingTrivia(SyntaxFactory.EndOfLine(style.NewLine)));
                var list = SyntaxFactory.AccessorList(Open(indent, style), SyntaxFactory.SingletonList(get),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(indent)));
                return property switch
                {
                    PropertyDeclarationSyntax p => Strip(p.WithExpressionBody(null).WithSemicolonToken(default))
                        .WithAccessorList(list.WithTrailingTrivia(p.SemicolonToken.TrailingTrivia)),
                    IndexerDeclarationSyntax i => Strip(i.WithExpressionBody(null).WithSemicolonToken(default))
                        .WithAccessorList(list.WithTrailingTrivia(i.SemicolonToken.TrailingTrivia)),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The node without the whitespace that stood before its <c>=&gt;</c>.</summary>
    private static T Strip<T>(T node) where T : SyntaxNode =>
        node.GetLastToken() is var last && last.TrailingTrivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
            ? node.ReplaceToken(last, last.WithTrailingTrivia())
            : node;

    private static SyntaxToken Open(string indent, FileStyle style) =>
        style.OpenBraceOnOwnLine
            ? SyntaxFactory.Token(SyntaxKind.OpenBraceToken)
                .WithLeadingTrivia(SyntaxFactory.EndOfLine(style.NewLine), SyntaxFactory.Whitespace(indent))
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(style.NewLine))
            : SyntaxFactory.Token(SyntaxKind.OpenBraceToken)
                .WithLeadingTrivia(SyntaxFactory.Space)
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(style.NewLine));

    private static BlockSyntax Block(StatementSyntax statement, string indent, FileStyle style) =>
        SyntaxFactory.Block(
            Open(indent, style),
            SyntaxFactory.SingletonList(statement
                .WithLeadingTrivia(SyntaxFactory.Whitespace(indent + style.IndentUnit))
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(style.NewLine))),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(indent)));

    /// <summary>
    /// Whether the file's multi-line braces (of types, namespaces, members and blocks alike) stand on their own line; null
    /// when it has none. A file of expression-bodied members has few blocks to tell it by.
    /// </summary>
    private static bool? BracesOnOwnLine(SyntaxNode root)
    {
        var text = root.SyntaxTree.GetText();
        var (own, end) = (0, 0);
        foreach (var brace in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.OpenBraceToken)))
        {
            var line = text.Lines.GetLineFromPosition(brace.SpanStart);
            var close = brace.Parent?.ChildTokens().FirstOrDefault(t => t.IsKind(SyntaxKind.CloseBraceToken));
            if (close is not { } closing || closing.IsMissing || text.Lines.GetLineFromPosition(closing.SpanStart).LineNumber == line.LineNumber
                || brace.Parent is InitializerExpressionSyntax or AnonymousObjectCreationExpressionSyntax)
            {
                continue;
            }

            if (text.ToString(TextSpan.FromBounds(line.Start, brace.SpanStart)).Trim().Length == 0)
            {
                own++;
            }
            else
            {
                end++;
            }
        }

        return own == end ? null : own > end;
    }

    /// <summary>True when the body's value is returned, false when it is only evaluated, null when unknown.</summary>
    private static bool? Returns(SyntaxNode owner, SemanticModel model)
    {
        var symbol = owner switch
        {
            LambdaExpressionSyntax lambda => model.GetSymbolInfo(lambda).Symbol as IMethodSymbol,
            AccessorDeclarationSyntax accessor => model.GetDeclaredSymbol(accessor) as IMethodSymbol,
            BasePropertyDeclarationSyntax => null,
            _ => model.GetDeclaredSymbol(owner) as IMethodSymbol,
        };
        if (owner is BasePropertyDeclarationSyntax)
        {
            return true;
        }

        if (symbol is null)
        {
            return null;
        }

        if (symbol.ReturnsVoid || symbol.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor)
        {
            return false;
        }

        var isAsync = owner switch
        {
            LambdaExpressionSyntax l => l.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            _ => symbol.IsAsync,
        };
        return !isAsync || symbol.ReturnType is INamedTypeSymbol { IsGenericType: true };
    }

    private static string MemberName(SyntaxNode owner) => owner switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        LocalFunctionStatementSyntax l => l.Identifier.ValueText,
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax p } => p.Identifier.ValueText,
        ConstructorDeclarationSyntax c => c.Identifier.ValueText,
        _ => "the member",
    };
}
