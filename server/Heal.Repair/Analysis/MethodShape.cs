using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>What a method, accessor, local function or lambda returns, seen from a <c>return</c> statement inside it.</summary>
/// <param name="Symbol">The method symbol, when it binds.</param>
/// <param name="ReturnsValue">False for <c>void</c>, <c>async Task</c>, <c>async ValueTask</c>, setters and constructors.</param>
/// <param name="ValueType">The type a <c>return X;</c> must produce (the <c>T</c> of an async <c>Task&lt;T&gt;</c>); null when none.</param>
/// <param name="IsAsync">Whether it is declared <c>async</c>.</param>
public sealed record MethodShape(IMethodSymbol? Symbol, bool ReturnsValue, ITypeSymbol? ValueType, bool IsAsync)
{
    public static MethodShape Of(SyntaxNode? member, SemanticModel model)
    {
        if (member is null)
        {
            return new MethodShape(null, false, null, false);
        }

        var symbol = member switch
        {
            AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda).Symbol as IMethodSymbol,
            PropertyDeclarationSyntax property => (model.GetDeclaredSymbol(property) as IPropertySymbol)?.GetMethod,
            IndexerDeclarationSyntax indexer => (model.GetDeclaredSymbol(indexer) as IPropertySymbol)?.GetMethod,
            _ => model.GetDeclaredSymbol(member) as IMethodSymbol,
        };
        var isAsync = member switch
        {
            MethodDeclarationSyntax m => m.Modifiers.Any(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax f => f.Modifiers.Any(SyntaxKind.AsyncKeyword),
            AnonymousFunctionExpressionSyntax a => a.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            _ => false,
        };
        if (symbol is null)
        {
            return new MethodShape(null, false, null, isAsync);
        }

        var type = symbol.ReturnType;
        if (symbol.ReturnsVoid || symbol.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.PropertySet)
        {
            return new MethodShape(symbol, false, null, isAsync);
        }

        if (isAsync && type is INamedTypeSymbol named && named.Name is "Task" or "ValueTask"
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
        {
            return named.TypeArguments.Length == 1
                ? new MethodShape(symbol, true, named.TypeArguments[0], true)
                : new MethodShape(symbol, false, null, true);
        }

        return new MethodShape(symbol, true, type, isAsync);
    }

    /// <summary>Whether <c>return null;</c> compiles here.</summary>
    public bool AcceptsNull => ReturnsValue && ValueType is not null
        && (!ValueType.IsValueType || ValueType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);

    /// <summary>Whether both return the same kind of value, so a <c>return X;</c> of one fits the other.</summary>
    public bool SameReturnAs(MethodShape other) =>
        ReturnsValue == other.ReturnsValue
        && (!ReturnsValue || SymbolEqualityComparer.Default.Equals(ValueType, other.ValueType));

    /// <summary>Whether <paramref name="type"/> is a built-in number type.</summary>
    public static bool IsNumeric(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_Decimal or SpecialType.System_Double
        or SpecialType.System_Single or SpecialType.System_UInt32 or SpecialType.System_UInt64;
}
