using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Linking;

/// <summary>Whether a declaration is the method a frame names, including accessors (<c>get_Name</c>) and constructors.</summary>
internal static class MethodMatcher
{
    public static bool Names(SyntaxNode member, string method) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText == method,
        LocalFunctionStatementSyntax f => f.Identifier.ValueText == method,
        ConstructorDeclarationSyntax c => c.Identifier.ValueText == method,
        PropertyDeclarationSyntax p => AccessorOf(method) == p.Identifier.ValueText,
        EventDeclarationSyntax e => AccessorOf(method) == e.Identifier.ValueText,
        IndexerDeclarationSyntax => method is "get_Item" or "set_Item",
        OperatorDeclarationSyntax o => method == "op_" + o.OperatorToken.ValueText || method.StartsWith("op_", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Every declaration in <paramref name="root"/> that could be the frame's method, optionally inside a type of that name.</summary>
    public static IEnumerable<SyntaxNode> Find(SyntaxNode root, FrameSymbol symbol)
    {
        if (symbol.Method is null)
        {
            return [];
        }

        return root.DescendantNodes()
            .Where(n => n is MemberDeclarationSyntax or LocalFunctionStatementSyntax)
            .Where(n => Names(n, symbol.Method))
            .Where(n => symbol.TypeName is null || n.Ancestors().OfType<BaseTypeDeclarationSyntax>().Any(t => t.Identifier.ValueText == symbol.TypeName));
    }

    private static string? AccessorOf(string method) =>
        method.Length > 4 && (method.StartsWith("get_", StringComparison.Ordinal) || method.StartsWith("set_", StringComparison.Ordinal)
            || method.StartsWith("add_", StringComparison.Ordinal)) ? method[4..]
        : method.StartsWith("remove_", StringComparison.Ordinal) ? method[7..]
        : method;
}
