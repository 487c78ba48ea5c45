using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Regression;

/// <summary>
/// What a regression test asserts about the failing input when the evidence names the outcome: the returned value
/// (<c>null</c>, <c>false</c>, a number, an empty result, a public constant) or the domain exception thrown. Only outcomes
/// a test can state without guessing are asserted; anything else leaves the test at "does not throw".
/// </summary>
/// <param name="Kind">What is asserted.</param>
/// <param name="Expected">The expected value as a C# expression the test can compile (for <see cref="AssertionKind.Equal"/>),
/// or the exception type (for <see cref="AssertionKind.Throws"/>).</param>
/// <param name="Describe">Plain words, e.g. <c>returns null</c>, <c>throws OrderNotFoundException</c>.</param>
/// <param name="NameSuffix">The test name's expectation, e.g. <c>ReturnsNull</c>, <c>ThrowsOrderNotFound</c>.</param>
public sealed record OutcomeAssertion(AssertionKind Kind, string? Expected, string Describe, string NameSuffix)
{
    /// <summary>True when the expected value was read off the patch itself (it restates the patch and proves nothing about intent).</summary>
    public bool Restated { get; init; }

    /// <summary>The assertion for <paramref name="outcome"/> on a call of <paramref name="target"/>; null when it cannot be stated.</summary>
    /// <param name="arguments">The test's argument for each parameter of <paramref name="target"/>: an outcome naming a parameter
    /// ("returns <paramref name="price"/> unchanged") expects the argument the test passes.</param>
    public static OutcomeAssertion? For(ExpectedOutcome? outcome, IMethodSymbol target, ITypeSymbol? returned, Compilation compilation,
        IReadOnlyDictionary<string, string>? arguments = null)
    {
        switch (outcome?.Kind)
        {
            case OutcomeKind.Return when outcome.Value is not null && returned is not null && target.Parameters.FirstOrDefault(p => p.Name == outcome.Value) is { } parameter
                && arguments?.TryGetValue(parameter.Name, out var argument) == true && IsLiteral(argument):
                return new OutcomeAssertion(AssertionKind.Equal, argument, $"returns {parameter.Name} unchanged", "Returns" + CrashInputFinder.Pascal(parameter.Name));
            case OutcomeKind.Return when outcome.Value is not null && returned is not null:
                return Returned(outcome, returned, compilation);
            case OutcomeKind.Throw when outcome.Value is not null:
                var type = compilation.GetSymbolsWithName(outcome.Canonical!, SymbolFilter.Type).OfType<INamedTypeSymbol>().FirstOrDefault(IsPublic)
                    ?? compilation.GetTypeByMetadataName("System." + outcome.Canonical);
                return type is null || !IsPublic(type)
                    ? null
                    : new OutcomeAssertion(AssertionKind.Throws, type.ToDisplayString(), $"throws {type.Name}", "Throws" + type.Name.Replace("Exception", "", StringComparison.Ordinal));
            default:
                _ = target;
                return null;
        }
    }

    private static OutcomeAssertion? Returned(ExpectedOutcome outcome, ITypeSymbol returned, Compilation compilation)
    {
        switch (outcome.Canonical)
        {
            case "null" when !returned.IsValueType || returned.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T:
                return new OutcomeAssertion(AssertionKind.Null, null, "returns null", "ReturnsNull");
            case "false" or "true" when returned.SpecialType == SpecialType.System_Boolean:
                return new OutcomeAssertion(AssertionKind.Equal, outcome.Canonical, $"returns {outcome.Canonical}", "Returns" + (outcome.Canonical == "true" ? "True" : "False"));
            case "empty" when returned.SpecialType == SpecialType.System_String:
                return new OutcomeAssertion(AssertionKind.Equal, "\"\"", "returns an empty string", "ReturnsEmpty");
            case "empty" when returned.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                || returned is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T }:
                return new OutcomeAssertion(AssertionKind.Empty, null, "returns an empty result", "ReturnsEmpty");
        }

        var expression = SyntaxFactory.ParseExpression(outcome.Value!);
        if (expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression or (int)SyntaxKind.StringLiteralExpression or (int)SyntaxKind.CharacterLiteralExpression }
            or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } })
        {
            var literal = returned.SpecialType == SpecialType.System_Decimal && !outcome.Value!.EndsWith('m') && !outcome.Value.EndsWith('M') && !outcome.Value.Contains('"')
                ? outcome.Value + "m"
                : outcome.Value!;
            return new OutcomeAssertion(AssertionKind.Equal, literal, $"returns {outcome.Value}", outcome.Canonical == "0" ? "ReturnsZero" : "ReturnsExpected");
        }

        // A public constant or static member of a public type, named as the test can reach it (`SlaPolicy.DefaultResolution`).
        var name = expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        var member = name is null ? null : compilation.GetSymbolsWithName(name, SymbolFilter.Member)
            .FirstOrDefault(m => m is IFieldSymbol { IsStatic: true } or IFieldSymbol { IsConst: true } or IPropertySymbol { IsStatic: true } && IsPublic(m)
                && (expression is IdentifierNameSyntax || ((MemberAccessExpressionSyntax)expression).Expression.ToString().Split('.').Last() == m.ContainingType.Name));
        return member is null
            ? null
            : new OutcomeAssertion(AssertionKind.Equal, $"{member.ContainingType.ToDisplayString()}.{member.Name}", $"returns {member.ContainingType.Name}.{member.Name}", "Returns" + member.Name);
    }

    private static bool IsLiteral(string expression) =>
        SyntaxFactory.ParseExpression(expression) is LiteralExpressionSyntax or PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax };

    private static bool IsPublic(ISymbol symbol)
    {
        for (var s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (s.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }
}
