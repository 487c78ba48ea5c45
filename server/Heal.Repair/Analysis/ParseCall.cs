using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// A parse of text into a value that throws on bad input (<c>int.Parse</c>, <c>DateTime.ParseExact</c>,
/// <c>Convert.ToInt32(string)</c>, <c>Enum.Parse</c>…) and the pieces of its non-throwing <c>TryParse</c> twin.
/// </summary>
/// <param name="Node">The expression to replace: the call, or the cast around a non-generic <c>Enum.Parse</c>.</param>
/// <param name="TryCall">The <c>TryParse</c> call text with <see cref="OutSlot"/> where the out argument goes.</param>
/// <param name="Input">The text being parsed.</param>
/// <param name="ResultType">The parsed value's type.</param>
public sealed record ParseCall(ExpressionSyntax Node, string TryCall, ExpressionSyntax Input, ITypeSymbol ResultType)
{
    public static IEnumerable<ParseCall> OnLine(IEnumerable<InvocationExpressionSyntax> invocations, SemanticModel model)
    {
        foreach (var invocation in invocations)
        {
            if (From(invocation, model) is { } call)
            {
                yield return call;
            }
        }
    }

    /// <summary>
    /// The parse on the throwing line; when the line holds none (optimised builds report a nearby statement), the one parse
    /// of the method that the event's next frame names, or the method's only throwing parse.
    /// </summary>
    public static List<ParseCall> AtCrash(CrashSite site, out List<(double, string)>? located)
    {
        located = null;
        var source = site.Throwing;
        var model = source.SemanticModel;
        var calls = ParseCall.OnLine(RuleKit.OnLine<InvocationExpressionSyntax>(source), model).ToList();
        if (calls.Count > 0 || source.Member is null)
        {
            return calls;
        }

        var inMethod = ParseCall.OnLine(ExitPaths.OwnNodes(source.Member).OfType<InvocationExpressionSyntax>(), model).ToList();
        if (CalledLibraryMethod.Of(site) is { } called)
        {
            var named = inMethod.Where(c => c.Invocation is { } i && model.GetSymbolInfo(i).Symbol is IMethodSymbol m && called.Is(m)).ToList();
            if (named.Count == 1)
            {
                located = [(-0.05, $"the reported line is another statement of the method; the event's next frame names `{called.TypeName}.{called.MethodName}`, called once in it")];
            }

            return named;
        }

        if (inMethod.Count == 1)
        {
            located = [(-0.1, "the reported line is another statement of the method, whose only throwing parse this is")];
        }

        return inMethod.Count == 1 ? inMethod : [];
    }

    /// <summary>The parse invocation itself (inside the cast of a non-generic <c>Enum.Parse</c>).</summary>
    public InvocationExpressionSyntax? Invocation => Node switch
    {
        InvocationExpressionSyntax invocation => invocation,
        CastExpressionSyntax { Expression: InvocationExpressionSyntax invocation } => invocation,
        _ => null,
    };

    public static ParseCall? From(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { IsStatic: true } method
            || invocation.Expression is not MemberAccessExpressionSyntax access
            || invocation.ArgumentList.Arguments.Count == 0)
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments.Select(a => a.ToString()).ToList();
        var containing = method.ContainingType;
        if (containing.SpecialType == SpecialType.System_Enum && method.Name == "Parse")
        {
            if (method.IsGenericMethod && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                var enumType = method.TypeArguments[0];
                return new ParseCall(invocation, $"{access.Expression}.TryParse{(access.Name as GenericNameSyntax)?.TypeArgumentList.ToString() ?? $"<{enumType.Name}>"}({Join(arguments)}, out {OutSlot})",
                    invocation.ArgumentList.Arguments[0].Expression, enumType);
            }

            if (invocation.ArgumentList.Arguments[0].Expression is TypeOfExpressionSyntax typeOf && invocation.Parent is CastExpressionSyntax cast
                && model.GetTypeInfo(typeOf.Type).Type is { } castType)
            {
                return new ParseCall(cast, $"{access.Expression}.TryParse<{typeOf.Type}>({Join(arguments.Skip(1))}, out {OutSlot})",
                    invocation.ArgumentList.Arguments[1].Expression, castType);
            }

            return null;
        }

        if (containing.Name == "Convert" && containing.ContainingNamespace?.Name == "System" && method.Name.StartsWith("To", StringComparison.Ordinal)
            && method.Parameters[0].Type.SpecialType == SpecialType.System_String && Keyword(method.ReturnType) is { } keyword)
        {
            return new ParseCall(invocation, $"{keyword}.TryParse({Join(arguments)}, out {OutSlot})", invocation.ArgumentList.Arguments[0].Expression, method.ReturnType);
        }

        if (method.Name is "Parse" or "ParseExact" && method.Parameters[0].Type.SpecialType == SpecialType.System_String
            && containing.GetMembers("Try" + method.Name).Any())
        {
            return new ParseCall(invocation, $"{access.Expression}.Try{method.Name}({Join(arguments)}, out {OutSlot})",
                invocation.ArgumentList.Arguments[0].Expression, method.ReturnType);
        }

        return null;
    }

    /// <summary>The <c>TryParse</c> text that binds at <paramref name="position"/>, filling in what its overloads require.</summary>
    public string? BindableTryCall(SemanticModel model, int position)
    {
        var probe = WithOut(TryCall, "var heal__probe");
        if (RuleKit.Binds(model, position, probe))
        {
            return TryCall;
        }

        // `Parse(s, styles)` has no `TryParse(s, styles, out)`; the provider it implies is the current culture.
        // `ParseExact(s, format, provider)` needs explicit styles in its Try form; None is what ParseExact used.
        var outIndex = TryCall.LastIndexOf(", out " + OutSlot, StringComparison.Ordinal);
        foreach (var extra in new[] { "null", "DateTimeStyles.None", "System.Globalization.DateTimeStyles.None" })
        {
            var candidate = TryCall[..outIndex] + ", " + extra + TryCall[outIndex..];
            if (RuleKit.Binds(model, position, WithOut(candidate, "var heal__probe")))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string? Keyword(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int32 => "int",
        SpecialType.System_Int64 => "long",
        SpecialType.System_Int16 => "short",
        SpecialType.System_Byte => "byte",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Double => "double",
        SpecialType.System_Single => "float",
        SpecialType.System_Boolean => "bool",
        SpecialType.System_DateTime => "DateTime",
        _ => null,
    };

    /// <summary>What a valid value looks like, for messages: "a whole number", "a date"….</summary>
    public string Expected => ResultType.SpecialType switch
    {
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_UInt32 or SpecialType.System_UInt64 => "a whole number",
        SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single => "a number",
        SpecialType.System_DateTime => "a date",
        SpecialType.System_Boolean => "true or false",
        _ => ResultType.Name switch
        {
            "DateTimeOffset" or "DateOnly" => "a date",
            "TimeOnly" => "a time",
            "TimeSpan" => "a duration",
            "Guid" => "a valid identifier",
            _ when ResultType.TypeKind == TypeKind.Enum => $"a known {ResultType.Name} value",
            _ => $"a valid {ResultType.Name}",
        },
    };

    /// <summary>A camel-case name for the input, with text-ish suffixes dropped: <c>quantityText</c> → <c>quantity</c>.</summary>
    public string InputName => NameOf(Input);

    /// <summary>A camel-case name for a parsed text expression (see <see cref="InputName"/>); <c>value</c> when it has none.</summary>
    public static string NameOf(ExpressionSyntax text)
    {
        var input = text;

        // `form.Date.Trim()`, `text.ToUpperInvariant()`: the text is still the receiver's.
        while (input is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax receiverCall, ArgumentList.Arguments.Count: 0 })
        {
            input = receiverCall.Expression;
        }

        var raw = input switch
        {
            IdentifierNameSyntax i => i.Identifier.ValueText,
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax literal }] } => literal.Token.ValueText,
            _ => "value",
        };
        raw = raw.TrimStart('_', '@');
        foreach (var suffix in new[] { "Text", "String", "Str", "Raw", "Input", "Name" })
        {
            if (raw.Length > suffix.Length && raw.EndsWith(suffix, StringComparison.Ordinal))
            {
                raw = raw[..^suffix.Length];
                break;
            }
        }

        var clean = new string(raw.Where(char.IsLetterOrDigit).ToArray());
        return clean.Length == 0 || char.IsDigit(clean[0]) ? "value" : char.ToLowerInvariant(clean[0]) + clean[1..];
    }

    /// <summary>The literal format of a <c>ParseExact(text, "yyyy-MM-dd", …)</c>, for messages; null otherwise.</summary>
    public string? ExactFormat =>
        Node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ParseExact" }, ArgumentList.Arguments: [_, { Expression: LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression } format }, ..] }
            ? format.Token.ValueText
            : null;

    /// <summary>Marks where the out argument goes in <see cref="TryCall"/>.</summary>
    public const string OutSlot = "\u0001out\u0001";

    public static string WithOut(string tryCall, string outArgument) => tryCall.Replace(OutSlot, outArgument, StringComparison.Ordinal);

    private static string Join(IEnumerable<string> arguments) => string.Join(", ", arguments);
}
