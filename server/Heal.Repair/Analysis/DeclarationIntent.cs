using System.Text.RegularExpressions;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// What declarations say: nullable annotations and attributes of the value involved (<c>T?</c>, <c>[MaybeNull]</c>,
/// <c>[NotNull]</c>, <c>[DisallowNull]</c>), <c>required</c> members, and constants named as the default or fallback of
/// what is missing (<c>DefaultResolution</c> for <c>_resolution[priority]</c>, <c>DefaultTier</c> for a null <c>Tier</c>).
/// </summary>
public static partial class DeclarationIntent
{
    public const double AnnotationWeight = 0.1;
    public const double RequiredWeight = 0.2;
    public const double NamedConstantWeight = 0.15;

    public static IEnumerable<IntentSignal> Read(IntentQuery query, ISymbol? symbol, IntentLocator locator)
    {
        if (symbol is not null && query.Condition == FailureCondition.Null)
        {
            foreach (var signal in Nullability(symbol, locator))
            {
                yield return signal;
            }
        }

        foreach (var signal in NamedConstants(query, symbol, locator))
        {
            yield return signal;
        }
    }

    private static IEnumerable<IntentSignal> Nullability(ISymbol symbol, IntentLocator locator)
    {
        var declaration = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is null)
        {
            yield break;
        }

        var (type, annotation) = symbol switch
        {
            IFieldSymbol f => (f.Type, f.NullableAnnotation),
            IPropertySymbol p => (p.Type, p.NullableAnnotation),
            IParameterSymbol p => (p.Type, p.NullableAnnotation),
            ILocalSymbol l => (l.Type, l.NullableAnnotation),
            IMethodSymbol m => (m.ReturnType, m.ReturnNullableAnnotation),
            _ => (null, NullableAnnotation.None),
        };
        if (type is { IsReferenceType: true } && annotation == NullableAnnotation.Annotated)
        {
            yield return locator.Signal(IntentKind.NullableAnnotation, IntentStance.Optional, null, AnnotationWeight, declaration);
        }

        var attributes = symbol is IMethodSymbol method ? method.GetReturnTypeAttributes() : symbol.GetAttributes();
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeClass?.Name;
            var node = attribute.ApplicationSyntaxReference?.GetSyntax() ?? declaration;
            if (name is "MaybeNullAttribute" or "AllowNullAttribute" or "MaybeNullWhenAttribute")
            {
                yield return locator.Signal(IntentKind.Attribute, IntentStance.Optional, null, AnnotationWeight, node);
            }
            else if (name is "NotNullAttribute" or "DisallowNullAttribute")
            {
                yield return locator.Signal(IntentKind.Attribute, IntentStance.Required, null, RequiredWeight, node);
            }
        }

        var required = symbol is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
        if (required && annotation != NullableAnnotation.Annotated)
        {
            yield return locator.Signal(IntentKind.Required, IntentStance.Required, null, RequiredWeight, declaration);
        }
    }

    /// <summary>
    /// Constants, static fields and properties of the types involved whose name marks them as the default of what is missing:
    /// <c>Default</c>, <c>Fallback</c>, <c>Unknown</c>, <c>Missing</c> or <c>Empty</c> before (or <c>Default</c>/<c>Fallback</c>
    /// after) one of the query's nouns, with a type the missing value converts from.
    /// </summary>
    private static IEnumerable<IntentSignal> NamedConstants(IntentQuery query, ISymbol? symbol, IntentLocator locator)
    {
        if (query.ValueType is not { } valueType || query.Member is null)
        {
            yield break;
        }

        var nouns = (query.Nouns ?? DefaultNouns(symbol)).Select(RuleKit.Capitalize).Where(n => n.Length > 1).Distinct().ToList();
        if (nouns.Count == 0)
        {
            yield break;
        }

        var here = query.Model.GetEnclosingSymbol(query.Subject.SpanStart)?.ContainingType;
        var types = new[] { here, symbol?.ContainingType }.OfType<INamedTypeSymbol>().Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var type in types)
        {
            foreach (var member in type.GetMembers().Where(m => m is IFieldSymbol { IsStatic: true } or IFieldSymbol { IsConst: true } or IPropertySymbol { IsStatic: true }
                         || m is IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null } && SymbolEqualityComparer.Default.Equals(type, here)))
            {
                if (!nouns.Any(noun => NamesDefaultOf(member.Name, noun)) || member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not { } declaration)
                {
                    continue;
                }

                var text = MemberText.At(member, query.Model, query.Subject.SpanStart);
                var memberType = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
                if (text is null || !query.Model.Compilation.ClassifyConversion(memberType, valueType).IsImplicit)
                {
                    continue;
                }

                yield return locator.Signal(IntentKind.NamedConstant, IntentStance.Names, ExpectedOutcome.Substitutes(text), NamedConstantWeight, declaration);
            }
        }
    }

    /// <summary><c>DefaultRate</c>, <c>FallbackRate</c>, <c>UnknownRate</c>, <c>RateDefault</c> name the default of <c>Rate</c>.</summary>
    public static bool NamesDefaultOf(string name, string noun)
    {
        var match = DefaultName().Match(name.TrimStart('_'));
        if (!match.Success)
        {
            return false;
        }

        var rest = match.Groups["before"].Success && match.Groups["before"].Value.Length > 0 ? match.Groups["before"].Value : match.Groups["after"].Value;
        return string.Equals(rest, noun, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> DefaultNouns(ISymbol? symbol)
    {
        if (symbol is null)
        {
            yield break;
        }

        yield return symbol.Name.TrimStart('_');
        var type = symbol switch
        {
            IFieldSymbol f => f.Type,
            IPropertySymbol p => p.Type,
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            _ => null,
        };
        if (type is not null && type.SpecialType != SpecialType.System_String && type.AllInterfaces.Any(i => i.Name == "IEnumerable"))
        {
            yield return RuleKit.ElementNoun(symbol.Name);
        }
    }

    [GeneratedRegex(@"^(?:(?:Default|Fallback|Unknown|Missing|Empty|No)(?<before>[A-Z]\w*)|(?<after>[A-Z]\w*?)(?:Default|Fallback))$")]
    private static partial Regex DefaultName();
}
