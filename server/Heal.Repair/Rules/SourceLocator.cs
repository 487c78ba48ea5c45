using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>Pure helpers that find code at a line.</summary>
public static class SourceLocator
{
    /// <summary>The span of a one-based line, without its line break; null when the line is outside the text.</summary>
    public static TextSpan? LineSpan(SourceText text, int line) =>
        line >= 1 && line <= text.Lines.Count ? text.Lines[line - 1].Span : null;

    /// <summary>
    /// The innermost method, local function, lambda, accessor, constructor, operator or expression-bodied
    /// property enclosing the first non-blank character of <paramref name="lineSpan"/>.
    /// </summary>
    public static SyntaxNode? FindEnclosingMember(SyntaxNode root, TextSpan lineSpan)
    {
        var text = root.SyntaxTree.GetText();
        var position = lineSpan.Start;
        while (position < lineSpan.End && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= root.FullSpan.End)
        {
            return null;
        }

        var token = root.FindToken(position);
        return token.Parent?.AncestorsAndSelf().FirstOrDefault(IsMember);
    }

    public static bool IsMember(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
            or AccessorDeclarationSyntax or ConstructorDeclarationSyntax or DestructorDeclarationSyntax
            or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => true,
        PropertyDeclarationSyntax p => p.ExpressionBody is not null,
        IndexerDeclarationSyntax i => i.ExpressionBody is not null,
        _ => false,
    };

    /// <summary>The statements that start on the line, outermost first (e.g. an <c>if</c> and nothing inside it twice).</summary>
    public static IEnumerable<StatementSyntax> StatementsOnLine(SyntaxNode root, TextSpan lineSpan) =>
        root.DescendantNodes(lineSpan)
            .OfType<StatementSyntax>()
            .Where(s => lineSpan.Contains(s.SpanStart) && s is not BlockSyntax);

    public static SyntaxKind Kind(SyntaxNode node) => node.Kind();
}
