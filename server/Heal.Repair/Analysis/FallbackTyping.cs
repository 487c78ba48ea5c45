using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Whether a substituted expression (<c>x ?? F</c>, <c>x?.M ?? F</c>, <c>d.TryGetValue(k, out var v) ? v : F</c>) is well
/// typed where it replaces the original: bound speculatively at the original's position, it must have a type and convert to
/// the type the original had there. A fallback found for another value (<c>?? 0</c> of a sibling's <c>x?.Count</c> put after
/// a list) is dropped before it becomes a candidate, never offered. A numeric literal is no value of an enum, even where
/// the constant 0 would convert.
/// </summary>
public static class FallbackTyping
{
    public static bool Fits(ExpressionSyntax original, string replacement, SemanticModel model)
    {
        if (SemanticModels.For(original, model) is not { } own)
        {
            return false;
        }

        var info = own.GetTypeInfo(original);
        var target = info.ConvertedType ?? info.Type;
        if (target is null || target.TypeKind == TypeKind.Error || target.SpecialType == SpecialType.System_Void)
        {
            return false;
        }

        var expression = SyntaxFactory.ParseExpression(replacement);
        if (expression.ContainsDiagnostics)
        {
            return false;
        }

        var type = own.GetSpeculativeTypeInfo(original.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        // A foreach needs a sequence, not the exact type: `list ?? Enumerable.Empty<T>()` enumerates the same elements.
        var enumerated = original.Parent is ForEachStatementSyntax loop && loop.Expression == original && IsSequence(type);
        if (!enumerated && !own.Compilation.ClassifyConversion(type, target).IsImplicit)
        {
            return false;
        }

        return !(IsEnum(info.Type ?? target) && FallbackOf(expression) is { } fallback && IsNumericLiteral(fallback));
    }

    private static bool IsSequence(ITypeSymbol type) =>
        type is IArrayTypeSymbol || type.SpecialType is SpecialType.System_String or SpecialType.System_Collections_IEnumerable
        || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    private static bool IsEnum(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum
        || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments[0].TypeKind == TypeKind.Enum;

    private static ExpressionSyntax? FallbackOf(ExpressionSyntax expression) => AbsenceConventions.Unwrap(expression) switch
    {
        BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) => AbsenceConventions.Unwrap(coalesce.Right),
        ConditionalExpressionSyntax conditional => AbsenceConventions.Unwrap(conditional.WhenFalse),
        _ => null,
    };

    private static bool IsNumericLiteral(ExpressionSyntax expression) =>
        expression.IsKind(SyntaxKind.NumericLiteralExpression)
        || expression is PrefixUnaryExpressionSyntax { Operand: var operand } && operand.IsKind(SyntaxKind.NumericLiteralExpression);
}
