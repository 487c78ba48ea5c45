using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// How a method rejects invalid values with an exception of its own: <c>if (…) throw new InvalidBookingException("email",
/// "Please enter an e-mail address.");</c>. When every such guard throws the same application-defined exception, one
/// argument is a message sentence and (optionally) one names the rejected field, a value the method did not check yet is
/// rejected the same way: same exception, the field name the method already uses for that value (or the value's own
/// name when every guard names its field after what it tests), and a message for this value.
/// </summary>
public static partial class DomainRejection
{
    /// <param name="member">The method.</param>
    /// <param name="value">The symbol the rejected value is stored in, if any (a guard testing it later shows its field name).</param>
    /// <param name="input">The expression being checked (a guard testing it shows its field name too).</param>
    /// <param name="valueName">The value's name, for a field name by convention.</param>
    /// <param name="message">The message literal (quoted C#) for this value.</param>
    /// <param name="whyNot">Why the method's own exceptions cannot be copied; empty when it throws none.</param>
    public static Fallback? Infer(SyntaxNode member, ISymbol? value, ExpressionSyntax? input, string valueName, SemanticModel model, string message, out string whyNot)
    {
        whyNot = "";
        var guards = ExitPaths.Guards(member).Concat(ExitPaths.GuardsWithEffects(member)).ToList();
        var throws = guards
            .Where(g => !g.HasEffects && g.ThrownCreation is ObjectCreationExpressionSyntax && IsDomain(model.GetTypeInfo(g.ThrownCreation!).Type))
            .ToList();
        if (throws.Count == 0)
        {
            // Nothing to say: the method has no exception of its own, so the caller's own reason stands.
            return null;
        }

        if (guards.Any(g => !g.IsThrow && ExitPaths.IsValidationTest(g.Condition)))
        {
            whyNot = "the method rejects invalid input both by throwing and by returning, so the intended one is unclear";
            return null;
        }

        var types = throws.Select(g => model.GetTypeInfo(g.ThrownCreation!).Type).Distinct(SymbolEqualityComparer.Default).ToList();
        if (types.Count != 1)
        {
            whyNot = "the method throws more than one exception of its own for invalid input, so the intended one is unclear";
            return null;
        }

        var creations = throws.Select(g => (Guard: g, Creation: (ObjectCreationExpressionSyntax)g.ThrownCreation!)).ToList();
        var arity = creations[0].Creation.ArgumentList?.Arguments.Count ?? 0;
        if (arity == 0 || creations.Any(c => (c.Creation.ArgumentList?.Arguments.Count ?? 0) != arity || c.Creation.ArgumentList!.Arguments.Any(a => a.NameColon is not null)))
        {
            whyNot = "the method's own exceptions are built in different shapes, so a new one cannot be written like them";
            return null;
        }

        var slots = Enumerable.Range(0, arity).Select(i => Classify(creations.Select(c => c.Creation.ArgumentList!.Arguments[i].Expression).ToList(), model)).ToList();
        if (slots.Count(s => s == Slot.Message) != 1 || slots.Count(s => s == Slot.Field) > 1 || slots.Any(s => s == Slot.Other))
        {
            whyNot = "the method's own exceptions carry data that cannot be adapted to this value";
            return null;
        }

        // The field name: the one the method already uses for this very value, else its name when that is the convention.
        var fieldSlot = slots.IndexOf(Slot.Field);
        string? field = null;
        var confidence = 0.7;
        var reason = $"the method rejects every invalid value with `{types[0]!.Name}`";
        var aboutValue = creations.Where(c => Mentions(c.Guard.Condition, value, input, model)).ToList();
        var precedent = aboutValue.FirstOrDefault().Creation ?? creations[0].Creation;
        if (fieldSlot >= 0)
        {
            var named = aboutValue.Select(c => c.Creation.ArgumentList!.Arguments[fieldSlot].Expression.ToString()).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 1)
            {
                field = named[0];
                confidence = 0.8;
                reason = $"the method already rejects this value with `{types[0]!.Name}` on field {field}";
            }
            else if (named.Count > 1)
            {
                whyNot = "the method reports this value under more than one field name";
                return null;
            }
            else if (ConventionalField(creations.Select(c => (c.Creation.ArgumentList!.Arguments[fieldSlot].Expression, c.Guard.Condition)).ToList(), input, valueName, model) is { } conventional)
            {
                field = conventional;
                reason += ", naming the field after what it tests";
            }
            else
            {
                whyNot = "nothing shows which field name this value would be reported under";
                return null;
            }
        }
        else if (aboutValue.Count > 0)
        {
            confidence = 0.8;
            reason = $"the method already rejects this value with `{types[0]!.Name}`";
        }

        var arguments = new List<string>();
        for (var i = 0; i < arity; i++)
        {
            arguments.Add(slots[i] switch
            {
                Slot.Message => message,
                Slot.Field => field!,
                _ => precedent.ArgumentList!.Arguments[i].Expression.ToString(),
            });
        }

        return new Fallback($"throw new {precedent.Type}({string.Join(", ", arguments)});", null, confidence, reason,
            precedent.FirstAncestorOrSelf<ThrowStatementSyntax>() ?? (SyntaxNode)precedent);
    }

    private enum Slot
    {
        Message,
        Field,
        Same,
        Other,
    }

    private static Slot Classify(List<ExpressionSyntax> values, SemanticModel model)
    {
        if (values.All(IsSentence))
        {
            return Slot.Message;
        }

        if (values.All(v => v is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } l && FieldName().IsMatch(l.Token.ValueText) || IsNameof(v)))
        {
            return values.Select(v => v.ToString()).Distinct(StringComparer.Ordinal).Count() > 1 || values.Count == 1 ? Slot.Field : Slot.Same;
        }

        // The same constant-like argument everywhere (an error code, a static member) is copied as it is.
        return values.Select(v => v.ToString()).Distinct(StringComparer.Ordinal).Count() == 1
               && !values[0].DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => model.GetSymbolInfo(i).Symbol is ILocalSymbol or IParameterSymbol)
            ? Slot.Same
            : Slot.Other;
    }

    private static bool IsSentence(ExpressionSyntax value) => value switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText.Trim().Contains(' ', StringComparison.Ordinal),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Any(t => t.TextToken.ValueText.Contains(' ', StringComparison.Ordinal)),
        _ => false,
    };

    private static bool IsNameof(ExpressionSyntax value) =>
        value is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments.Count: 1 };

    /// <summary>
    /// The field argument for this value when every guard names its field after what it tests: after the text it checks
    /// (<c>"email"</c> for <c>!email.Contains('@')</c>, <c>nameof(slot)</c> for <c>!TimeOnly.TryParse(slot, out var time)</c>) or
    /// after the value it parsed (<c>"time"</c> for the same guard). Null when the guards follow neither.
    /// </summary>
    private static string? ConventionalField(List<(ExpressionSyntax Field, ExpressionSyntax Condition)> throws, ExpressionSyntax? input, string valueName, SemanticModel model)
    {
        var namesParsedValue = 0;
        foreach (var (field, condition) in throws)
        {
            if (FieldText(field) is not { } name)
            {
                return null;
            }

            var tested = condition.DescendantNodesAndSelf()
                .Where(n => n is SimpleNameSyntax or SingleVariableDesignationSyntax)
                .Select(n => n switch
                {
                    SingleVariableDesignationSyntax d => (Name: d.Identifier.ValueText, Parsed: true),
                    SimpleNameSyntax s when model.GetSymbolInfo(s).Symbol is ILocalSymbol or IParameterSymbol or IPropertySymbol or IFieldSymbol => (Name: s.Identifier.ValueText, Parsed: false),
                    _ => (Name: "", Parsed: false),
                })
                .Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (tested.Count == 0)
            {
                return null;
            }

            namesParsedValue += tested.All(t => t.Parsed) ? 1 : 0;
        }

        var asNameof = throws.All(t => t.Field is InvocationExpressionSyntax);
        if (namesParsedValue == throws.Count || input is null)
        {
            return asNameof ? $"nameof({valueName})" : Literal(valueName, throws[0].Field);
        }

        if (namesParsedValue > 0)
        {
            return null;
        }

        while (input is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax receiver, ArgumentList.Arguments.Count: 0 })
        {
            input = receiver.Expression;
        }

        var inputName = input switch
        {
            IdentifierNameSyntax i => i.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax } m => m.Name.Identifier.ValueText,
            _ => null,
        };
        if (inputName is null)
        {
            return null;
        }

        return asNameof ? $"nameof({input})" : Literal(inputName, throws[0].Field);
    }

    private static string? FieldText(ExpressionSyntax field) => field switch
    {
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: var argument }] } => argument switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            IdentifierNameSyntax i => i.Identifier.ValueText,
            _ => null,
        },
        _ => null,
    };

    /// <summary>A field-name literal cased like the precedent's (<c>"weightKg"</c> or <c>"WeightKg"</c>).</summary>
    private static string Literal(string name, ExpressionSyntax precedent)
    {
        var lower = FieldText(precedent) is { Length: > 0 } p && char.IsLower(p[0]);
        var cased = name.Length == 0 ? name : (lower ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name[1..];
        return SymbolDisplay.FormatLiteral(cased, quote: true);
    }

    private static bool Mentions(ExpressionSyntax condition, ISymbol? value, ExpressionSyntax? input, SemanticModel model) =>
        condition.DescendantNodesAndSelf().Any(n =>
            (value is not null && n is IdentifierNameSyntax id && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, value))
            || (input is not null && n is ExpressionSyntax e && e.IsEquivalentTo(input, topLevel: false)));

    /// <summary>An exception type the application declares itself, or the data-annotations <c>ValidationException</c>.</summary>
    private static bool IsDomain(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && (named.Locations.Any(l => l.IsInSource) || named.Name == "ValidationException");

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-\[\]]*$")]
    private static partial Regex FieldName();
}
