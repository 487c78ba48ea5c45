using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// A naming convention for fallbacks: siblings write <c>x?.Locale ?? DefaultLocale</c> and <c>x?.AvatarUrl ?? DefaultAvatar</c>,
/// each falling back to the member's name (or its leading words) behind one shared prefix. For another member of the same
/// optional value, the fallback is the symbol that follows the same pattern, when it exists and has a fitting type.
/// </summary>
public static partial class NamedFallback
{
    /// <summary>
    /// The fallback text for <c>receiver?.<paramref name="memberName"/></c> at <paramref name="position"/>, learnt from
    /// <paramref name="precedents"/> (the <c>?.M ?? F</c> guards of the same value). Null unless every precedent follows one
    /// prefix pattern and a symbol of that name binds here with a type convertible to <paramref name="memberType"/>.
    /// </summary>
    public static (string Text, AbsenceGuard Precedent, int Witnesses)? Find(IReadOnlyList<AbsenceGuard> precedents, string memberName,
        ITypeSymbol memberType, SemanticModel model, int position)
    {
        string? prefix = null;
        foreach (var precedent in precedents)
        {
            if (Pattern(precedent) is not { } found || prefix is not null && found != prefix)
            {
                return null;
            }

            prefix = found;
        }

        if (prefix is null)
        {
            return null;
        }

        var words = Words(memberName);
        var template = Right(precedents[0])!;
        var last = template.DescendantTokens().Last(t => t.IsKind(SyntaxKind.IdentifierToken));
        for (var count = words.Count; count >= 1; count--)
        {
            var name = prefix + string.Concat(words.Take(count));
            var text = template.ToString()[..(last.SpanStart - template.SpanStart)] + name;
            var expression = SyntaxFactory.ParseExpression(text);
            var symbol = model.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
            var type = model.GetSpeculativeTypeInfo(position, expression, SpeculativeBindingOption.BindAsExpression).Type;
            if (symbol is IFieldSymbol or IPropertySymbol && type is not null
                && model.Compilation.ClassifyConversion(type, memberType) is { IsImplicit: true })
            {
                return (text, precedents[0], precedents.Select(p => p.Member).Distinct().Count());
            }
        }

        return null;
    }

    /// <summary>The prefix P when the guard is <c>x?.M ?? …P + leading words of M</c>, else null.</summary>
    private static string? Pattern(AbsenceGuard guard)
    {
        if (guard.Node is not BinaryExpressionSyntax coalesce
            || AbsenceConventions.Unwrap(coalesce.Left) is not ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding }
            || Right(guard) is not { } right)
        {
            return null;
        }

        var fallbackName = right.DescendantTokens().Last(t => t.IsKind(SyntaxKind.IdentifierToken)).ValueText;
        var words = Words(binding.Name.Identifier.ValueText);
        for (var count = words.Count; count >= 1; count--)
        {
            var stem = string.Concat(words.Take(count));
            if (fallbackName.Length > stem.Length && fallbackName.EndsWith(stem, StringComparison.Ordinal))
            {
                return fallbackName[..^stem.Length];
            }
        }

        return null;
    }

    /// <summary>The fallback when it is a plain name or a dotted name (<c>DefaultLocale</c>, <c>Settings.DefaultLocale</c>).</summary>
    private static ExpressionSyntax? Right(AbsenceGuard guard) =>
        guard.Node is BinaryExpressionSyntax { Right: IdentifierNameSyntax or MemberAccessExpressionSyntax } coalesce
        && coalesce.Right.DescendantNodesAndSelf().All(n => n is IdentifierNameSyntax or MemberAccessExpressionSyntax)
            ? coalesce.Right
            : null;

    private static List<string> Words(string name) => WordPattern().Matches(name).Select(m => m.Value).ToList();

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")]
    private static partial Regex WordPattern();
}
