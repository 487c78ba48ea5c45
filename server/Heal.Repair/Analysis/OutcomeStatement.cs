using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Writes the statement that realises an outcome at a guard's anchor: <c>return X;</c> when the method returns a value
/// X converts to, <c>return;</c> from a void method, <c>continue;</c> or <c>break;</c> inside a loop, <c>throw new T(…)</c>
/// for an exception type in scope. Null (with the reason) when the outcome cannot be written there.
/// </summary>
public static class OutcomeStatement
{
    /// <param name="supporting">The signals naming the outcome: an exit leaving the method from inside a loop is only written
    /// when one of them sits inside the same loop (leaving for one bad item would drop the items after it).</param>
    /// <param name="message">The message expression for a new exception; null when the code's own throw must be copied.</param>
    /// <param name="key">What is missing (the key, the id): passed to an exception whose only parameter takes it rather than a message.</param>
    public static string? Write(ExpectedOutcome outcome, SyntaxNode member, StatementSyntax anchor, SemanticModel model,
        IEnumerable<IntentSignal> supporting, string? message, out string whyNot, ExpressionSyntax? key = null)
    {
        whyNot = "";
        var shape = MethodShape.Of(member, model);
        var loop = ExitPaths.EnclosingLoop(anchor, member);
        var signals = supporting.ToList();
        switch (outcome.Kind)
        {
            case OutcomeKind.Return:
                if (loop is not null && !signals.Any(s => s.Node is not null && s.Node.SyntaxTree == anchor.SyntaxTree && loop.Span.Contains(s.Node.Span)))
                {
                    whyNot = "the code is inside a loop and the known exit leaves the whole method, which would drop the remaining items";
                    return null;
                }

                if (GatheredResult.Before(member, anchor) is { } gathered && outcome.Value != gathered)
                {
                    whyNot = $"the method has already gathered part of its result in `{gathered}` and returns it at the end, so an early return here would drop it";
                    return null;
                }

                if (outcome.Value is null)
                {
                    if (shape.ReturnsValue)
                    {
                        whyNot = "the method returns a value, so a bare `return;` does not compile";
                        return null;
                    }

                    return "return;";
                }

                var value = outcome.Value == "empty" && shape.ValueType is { } type ? Empty(type, model, anchor.SpanStart) : outcome.Value;
                if (!shape.ReturnsValue || value is null || !Converts(value, shape, anchor, model))
                {
                    whyNot = $"`{outcome.Value}` is not a value the method can return";
                    return null;
                }

                return $"return {value};";
            case OutcomeKind.Skip:
                if (loop is null)
                {
                    whyNot = "there is no loop to skip an item of";
                    return null;
                }

                return "continue;";
            case OutcomeKind.Stop:
                if (loop is null)
                {
                    whyNot = "there is no loop to stop";
                    return null;
                }

                return "break;";
            case OutcomeKind.Throw:
                return Throw(outcome, member, anchor, model, signals, message, key, out whyNot);
            default:
                whyNot = $"`{outcome.Describe()}` is not written as a statement";
                return null;
        }
    }

    private static string? Throw(ExpectedOutcome outcome, SyntaxNode member, StatementSyntax anchor, SemanticModel model, List<IntentSignal> signals,
        string? message, ExpressionSyntax? key, out string whyNot)
    {
        whyNot = "";

        // The code's own throw of that type, when it means the same thing pasted here (names no local, only shared parameters).
        foreach (var signal in signals.Where(s => s.Statement is not null && s.Node is not null))
        {
            var statement = signal.Node as ThrowStatementSyntax ?? (SyntaxNode?)signal.Node!.FirstAncestorOrSelf<ThrowStatementSyntax>();
            if (statement is ThrowStatementSyntax { Expression: BaseObjectCreationExpressionSyntax } written && written.SyntaxTree == model.SyntaxTree
                && AbsenceConventions.PortableInto(written, member, model))
            {
                return written.ToString();
            }
        }

        var type = model.LookupNamespacesAndTypes(anchor.SpanStart, name: outcome.Canonical).OfType<INamedTypeSymbol>().FirstOrDefault()
            ?? model.LookupNamespacesAndTypes(anchor.SpanStart, name: outcome.Value).OfType<INamedTypeSymbol>().FirstOrDefault();
        var constructors = type?.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1).ToList() ?? [];
        var name = type?.ToMinimalDisplayString(model, anchor.SpanStart);

        // `new OrderNotFoundException(string number)` takes what is missing, not a message about it.
        var keyType = key is null ? null : model.GetTypeInfo(key).Type;
        if (keyType is not null && constructors.FirstOrDefault(c => c.Parameters[0].Name is not ("message" or "msg")
                && model.Compilation.ClassifyConversion(keyType, c.Parameters[0].Type).IsImplicit) is not null)
        {
            return $"throw new {name}({key});";
        }

        if (message is not null && constructors.Any(c => c.Parameters[0].Type.SpecialType == SpecialType.System_String))
        {
            return $"throw new {name}({message});";
        }

        if (type?.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 0) == true)
        {
            return $"throw new {name}();";
        }

        whyNot = $"no way to construct {outcome.Value} here (no copyable throw, no public constructor taking a message, the missing key or nothing)";
        return null;
    }

    /// <summary>
    /// "An empty list" in prose as code for <paramref name="type"/>: <c>string.Empty</c>, <c>[]</c> where collection expressions
    /// exist and fit, else <c>Array.Empty&lt;T&gt;()</c> for arrays and read-only sequences, or a new empty collection.
    /// </summary>
    public static string? Empty(ITypeSymbol type, SemanticModel model, int position)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return "string.Empty";
        }

        var element = type is IArrayTypeSymbol array ? array.ElementType
            : type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && type.AllInterfaces.Concat([generic]).Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                ? generic.TypeArguments[0] : null;
        if (element is null)
        {
            return null;
        }

        if (((CSharpParseOptions)model.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp12)
        {
            return "[]";
        }

        var elementName = element.ToMinimalDisplayString(model, position);
        return type is IArrayTypeSymbol || type.TypeKind == TypeKind.Interface
            ? $"Array.Empty<{elementName}>()"
            : $"new {type.ToMinimalDisplayString(model, position)}()";
    }

    /// <summary>Whether <c>return <paramref name="value"/>;</c> compiles in a method of <paramref name="shape"/>.</summary>
    public static bool Converts(string value, MethodShape shape, SyntaxNode at, SemanticModel model)
    {
        if (shape.ValueType is not { } target)
        {
            return false;
        }

        var expression = SyntaxFactory.ParseExpression(value);
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                return shape.AcceptsNull;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                return true;
            case CollectionExpressionSyntax:
                return target is IArrayTypeSymbol || target.AllInterfaces.Any(i => i.Name == "IEnumerable") || target.Name == "IEnumerable";
        }

        var type = model.GetSpeculativeTypeInfo(at.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        var conversion = model.Compilation.ClassifyConversion(type, target);
        if (conversion.IsImplicit)
        {
            return true;
        }

        // A literal that converts only as a constant (`0` to decimal, `0` to long) is fine too.
        return expression is LiteralExpressionSyntax or PrefixUnaryExpressionSyntax && model.GetSpeculativeSymbolInfo(at.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Symbol is null
            && IsNumeric(target) && IsNumeric(type);
    }

    private static bool IsNumeric(ITypeSymbol type) => type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double;
}
