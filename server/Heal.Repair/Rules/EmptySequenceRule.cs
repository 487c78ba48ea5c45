using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>InvalidOperationException</c> "Sequence contains no (matching) elements" from <c>First</c>, <c>Single</c>,
/// <c>Last</c>, <c>Max</c>, <c>Min</c>, <c>Average</c> or <c>Aggregate</c>: an emptiness guard, <c>…OrDefault</c> or
/// <c>DefaultIfEmpty</c> with the fallback the surrounding code implies; declines when that is not evident.
/// </summary>
public sealed class EmptySequenceRule : ICrashRule
{
    private static readonly string[] ElementOperators = ["First", "Single", "Last"];

    private static readonly string[] Aggregates = ["Max", "Min", "Average", "Aggregate"];

    public string Id => "empty-sequence";

    public bool Matches(CrashSite site) =>
        site.ExceptionName == "InvalidOperationException"
        && (site.Exception.Value?.Contains("Sequence contains no elements", StringComparison.Ordinal) == true
            || site.Exception.Value?.Contains("Sequence contains no matching element", StringComparison.Ordinal) == true);

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var matching = site.Exception.Value!.Contains("matching", StringComparison.Ordinal);
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var calls = RuleKit.OnLine<InvocationExpressionSyntax>(source)
            .Where(i => i.Expression is MemberAccessExpressionSyntax && model.GetSymbolInfo(i, cancellationToken).Symbol is IMethodSymbol m
                && m.ContainingType.Name is "Enumerable" or "Queryable"
                && (matching
                    ? ElementOperators.Contains(m.Name) && i.ArgumentList.Arguments.Count == 1
                    : (ElementOperators.Contains(m.Name) && i.ArgumentList.Arguments.Count == 0) || Aggregates.Contains(m.Name)))
            .Where(i => !(Aggregates.Contains(ExitPaths.MethodName(i)) && model.GetTypeInfo(i, cancellationToken).Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            .ToList();
        var what = matching ? "no element matches the condition" : "the sequence is empty";
        if (calls.Count != 1)
        {
            return RuleResult.Decline($"A LINQ operator that needs at least one element ran where {what}.",
                calls.Count == 0 ? "no First/Single/Last/Max/Min/Average/Aggregate call that can throw this was found on the throwing line"
                    : "several such calls share the throwing line, so the failing one is unclear", [.. evidence]);
        }

        var call = calls[0];
        var access = (MemberAccessExpressionSyntax)call.Expression;
        var op = access.Name.Identifier.ValueText;
        var rootCause = $"`{call}` runs where {what}; `{op}` throws instead of reporting that nothing is there.";
        var why = matching
            ? $"`{op}` with a condition no element satisfied; the code around shows what 'not found' means."
            : $"`{op}` over a sequence that can be empty; the code around shows what an empty input means.";
        if (source.Member is null)
        {
            return RuleResult.Decline(rootCause, "the call is not inside a method, so no fallback can be inferred", [.. evidence]);
        }

        var statement = RuleKit.GuardableStatement(call);
        if (statement is null || !RuleKit.AlwaysEvaluated(call, statement))
        {
            return RuleResult.Decline(rootCause, "the call is not a plain statement of a block, so no fallback can be placed around it", [.. evidence]);
        }

        var elementType = model.GetTypeInfo(call, cancellationToken).Type;
        var noun = op is "First" or "Single" or "Last" ? "element" : "value";
        var message = $"\"No matching {noun} was found.\"";
        var sibling = SiblingDefault(source, op, cancellationToken);
        var whyNot = "";
        var fallback = sibling is not null ? null : AbsenceFallback.Infer(source.Member, statement, model, message, out whyNot);
        if (sibling is null && fallback is null)
        {
            return RuleResult.Decline(rootCause, whyNot, [.. evidence]);
        }

        var reasons = new List<(double, string)> { (0.1, $"`{op}` on the throwing line and the message says {what}") };
        if (sibling is not null)
        {
            reasons.Add((0.8, "sibling code in this type gives an empty sequence this default"));
            evidence.Add(RuleKit.Evidence(source, sibling.Value.Node, "sibling default for an empty sequence"));
            return RuleKit.Fix(rootCause, why, "default-if-empty", reasons, evidence,
                RuleKit.Edit(source, new TextChange(call.Span, DefaultIfEmpty(call, access, op, sibling.Value.Default))));
        }

        reasons.Add((fallback!.Confidence - 0.1, fallback.Reason));
        if (fallback.Source is not null)
        {
            evidence.Add(RuleKit.Evidence(source, fallback.Source, "existing handling of nothing found"));
        }

        var style = FileStyle.Of(source.Root);
        var indent = RuleKit.Indent(source, statement);
        var receiver = access.Expression;

        // No condition and a receiver that can be asked for its size: guard the emptiness itself.
        if (call.ArgumentList.Arguments.Count == 0 || (Aggregates.Contains(op) && RuleKit.IsSimple(receiver)))
        {
            if (RuleKit.IsSimple(receiver))
            {
                var guard = style.Guard(indent, EmptyTest(receiver, model), fallback.Jump);
                return RuleKit.Fix(rootCause, why, "empty-guard", reasons, evidence, RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, guard)));
            }

            if (Aggregates.Contains(op) && statement is ReturnStatementSyntax { Expression: { } returned } && returned == call && fallback.Value is not null)
            {
                return RuleKit.Fix(rootCause, why, "default-if-empty", reasons, evidence,
                    RuleKit.Edit(source, new TextChange(call.Span, DefaultIfEmpty(call, access, op, fallback.Value))));
            }
        }

        if (!ElementOperators.Contains(op))
        {
            return RuleResult.Decline(rootCause, "the aggregated sequence is a query whose emptiness cannot be tested without running it twice", [.. evidence]);
        }

        var nullable = elementType is not null && (elementType.IsReferenceType || elementType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);
        if (!nullable)
        {
            return RuleResult.Decline(rootCause, $"the elements are values, so `{op}OrDefault` would return a real-looking default instead of 'not found'", [.. evidence]);
        }

        var orDefault = $"{receiver}.{op}OrDefault{call.ArgumentList}";
        var orDefaultSpan = TextSpan.FromBounds(call.SpanStart, call.Span.End);

        // `return xs.First(p);` / `return xs.First(p).Name;`
        if (statement is ReturnStatementSyntax { Expression: { } value })
        {
            if (value == call)
            {
                var tail = fallback.Value is "null" or "default" ? "" : fallback.Value is not null ? $" ?? {fallback.Value}" : fallback.Jump.StartsWith("throw ", StringComparison.Ordinal) ? $" ?? {fallback.Jump.TrimEnd(';')}" : null;
                if (tail is not null)
                {
                    return RuleKit.Fix(rootCause, why, "or-default", reasons, evidence, RuleKit.Edit(source, new TextChange(orDefaultSpan, orDefault + tail)));
                }
            }
            else if (call.Parent is MemberAccessExpressionSyntax member && member.Expression == call && value == member && fallback.Value == "null")
            {
                return RuleKit.Fix(rootCause, why, "or-default", reasons, evidence,
                    RuleKit.Edit(source, new TextChange(TextSpan.FromBounds(call.SpanStart, member.OperatorToken.Span.End), orDefault + "?.")));
            }
        }

        // `var x = xs.First(p);` then uses of x: `…OrDefault` and the method's own exit when it is null.
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
            && declaration.Declaration.Variables[0].Initializer?.Value == call)
        {
            var name = declaration.Declaration.Variables[0].Identifier.ValueText;
            var after = style.Guard(indent, NullTest(source.Root, name), fallback.Jump);
            var lineEnd = source.Text.Lines.GetLineFromPosition(statement.Span.End).EndIncludingLineBreak;
            var guardText = lineEnd == source.Text.Length && !source.Text.ToString().EndsWith('\n') ? style.NewLine + after : after;
            return RuleKit.Fix(rootCause, why, "or-default", reasons, evidence,
                RuleKit.Edit(source, new TextChange(orDefaultSpan, orDefault), new TextChange(new TextSpan(lineEnd, 0), guardText)));
        }

        return RuleResult.Decline(rootCause, $"the result of `{op}` is used directly, and how its absence should be handled there is not evident", [.. evidence]);
    }

    private static string DefaultIfEmpty(InvocationExpressionSyntax call, MemberAccessExpressionSyntax access, string op, string fallback)
    {
        var receiver = access.Expression.ToString();
        if (op is "Aggregate" || call.ArgumentList.Arguments.Count == 0)
        {
            return $"{receiver}.DefaultIfEmpty({fallback}).{op}{call.ArgumentList}";
        }

        return ElementOperators.Contains(op)
            ? $"{receiver}.Where{call.ArgumentList}.DefaultIfEmpty({fallback}).{op}()"
            : $"{receiver}.Select{call.ArgumentList}.DefaultIfEmpty({fallback}).{op}()";
    }

    /// <summary>How the file tests for emptiness: <c>Count == 0</c> / <c>Length == 0</c> when the type has them, else <c>!Any()</c>.</summary>
    private static string EmptyTest(ExpressionSyntax receiver, SemanticModel model)
    {
        var type = model.GetTypeInfo(receiver).Type;
        if (type is IArrayTypeSymbol)
        {
            return $"{receiver}.Length == 0";
        }

        return type is not null && HasProperty(type, "Count") ? $"{receiver}.Count == 0" : $"!{receiver}.Any()";
    }

    private static bool HasProperty(ITypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().Any()
        || type.AllInterfaces.Any(i => i.GetMembers(name).OfType<IPropertySymbol>().Any())
        || (type.BaseType is { } baseType && HasProperty(baseType, name));

    /// <summary>The file's own way of writing a null test: <c>x == null</c> when it uses that more, else <c>x is null</c>.</summary>
    public static string NullTest(SyntaxNode root, string name)
    {
        var equals = root.DescendantNodes().OfType<BinaryExpressionSyntax>().Count(b => b.IsKind(SyntaxKind.EqualsExpression) && b.Right.IsKind(SyntaxKind.NullLiteralExpression));
        var pattern = root.DescendantNodes().OfType<IsPatternExpressionSyntax>().Count(p => p.Pattern is ConstantPatternSyntax { Expression: LiteralExpressionSyntax l } && l.IsKind(SyntaxKind.NullLiteralExpression));
        return equals > pattern ? $"{name} == null" : $"{name} is null";
    }

    /// <summary>A default this type's other code already gives the same operator on an empty sequence (<c>DefaultIfEmpty(d).Max()</c>).</summary>
    private static (string Default, SyntaxNode Node)? SiblingDefault(LinkedSource source, string op, CancellationToken cancellationToken)
    {
        var type = source.Member?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return null;
        }

        var defaults = type.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => ExitPaths.MethodName(i) == "DefaultIfEmpty" && i.ArgumentList.Arguments.Count == 1
                && i.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var next } && next == op)
            .Select(i => (Default: i.ArgumentList.Arguments[0].Expression.ToString(), Node: (SyntaxNode)i))
            .DistinctBy(d => d.Default)
            .ToList();
        _ = cancellationToken;
        return defaults.Count == 1 ? defaults[0] : null;
    }
}
