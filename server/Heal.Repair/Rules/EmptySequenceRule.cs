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
            // Seeded Aggregate, and Max/Min of nullable or reference elements, return a value for an empty sequence.
            .Where(i => !(ExitPaths.MethodName(i) == "Aggregate" && i.ArgumentList.Arguments.Count > 1))
            .Where(i => !(ExitPaths.MethodName(i) is "Max" or "Min" or "Average" && model.GetTypeInfo(i, cancellationToken).Type is { } result
                && (result.IsReferenceType || result.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)))
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
        if (statement is not null && !RuleKit.AlwaysEvaluated(call, statement))
        {
            return RewrittenSite.Retry(this, site, BodyBlock.Around(source.Root, call, model, out _), cancellationToken) ?? RuleResult.Decline(rootCause, "the call is not always evaluated by its statement, so no fallback can be placed around it", [.. evidence]);
        }

        var elementType = model.GetTypeInfo(call, cancellationToken).Type;
        var noun = op is "First" or "Single" or "Last" ? "element" : "value";
        var message = $"\"No matching {noun} was found.\"";
        var query = new IntentQuery(FailureCondition.EmptySequence, site, source, call)
        {
            Anchor = statement,
            Symbol = IntentAnalysis.Involved(call, model),
            ValueType = elementType,
        };
        var intent = IntentAnalysis.Collect(query, cancellationToken);
        if (SiblingDefault(source, op, cancellationToken) is { } sibling)
        {
            intent = intent.With([IntentFixes.Signal(source, IntentKind.Sibling, ExpectedOutcome.Substitutes(sibling.Default), 0.4, sibling.Node)]);
        }

        var basis = $"`{op}` on the throwing line and the message says {what}";
        var candidates = new List<RuleCandidate>();
        var whyNot = new List<string>();
        var returned = call.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or PropertyDeclarationSyntax or AccessorDeclarationSyntax };

        // An exit for the empty case (the method's own, a documented return, skip or throw): a guard, or `…OrDefault` and a guard.
        var exits = statement is null ? [] : IntentFixes.Statements(intent, source.Member, statement, model, message, whyNot);
        if (statement is null && intent.Named.Any(o => o.Kind is not OutcomeKind.Substitute))
        {
            whyNot.Add("the call is not a plain statement of a block, so no exit can be placed before it");
        }

        foreach (var (outcome, jump) in exits)
        {
            if (Exit(source, statement!, call, access, op, outcome, jump, elementType, model, out var cannot) is not { } exit)
            {
                whyNot.Add($"{outcome.Describe()}: {cannot}");
                continue;
            }

            candidates.Add(RuleCandidate.Scored(exit.Kind, $"{exit.Form}: {outcome.Describe()} when {what}", outcome, BaseScore, basis, intent, [exit.Edit],
                IntentFixes.EvidenceOf(intent.Supporting(outcome)), why: why));
        }

        // A value for the empty case: `DefaultIfEmpty(v)` where the call is, which is what the method returns when it returns the call
        // (a named return is written this way only when no exit form could).
        foreach (var outcome in intent.Named.Where(o => o.Kind == OutcomeKind.Substitute
                     || o.Kind == OutcomeKind.Return && returned && o.Value is not null && !candidates.Any(c => c.Outcome?.SameAs(o) == true)))
        {
            if (outcome.Value == "null" && LiftedAggregate(call, access, op, elementType, model) is { } lifted
                && (!returned || MethodShape.Of(source.Member, model).AcceptsNull))
            {
                // `Max`/`Min`/`Average` over `T?` return null for an empty sequence, which is the documented value.
                var nothing = ExpectedOutcome.Substitutes("null");
                var returnsNull = returned ? ExpectedOutcome.Returns("null") : null;
                candidates.Add(RuleCandidate.Scored("nullable-aggregate", $"`{op}` over `{elementType!.ToDisplayString()}?`: {outcome.Describe()} when {what}", nothing,
                    BaseScore, basis, intent, [RuleKit.Edit(source, lifted)], IntentFixes.EvidenceOf(intent.Supporting(nothing, returnsNull)), why: why, alsoRealises: returnsNull));
                continue;
            }

            if (elementType is null || !OutcomeStatement.Converts(outcome.Value!, new MethodShape(null, true, elementType, false), call, model))
            {
                whyNot.Add($"`{outcome.Value}` is not a value of the sequence's element type");
                continue;
            }

            var substituted = ExpectedOutcome.Substitutes(outcome.Value!);
            var alsoReturns = returned ? ExpectedOutcome.Returns(outcome.Value) : null;
            candidates.Add(RuleCandidate.Scored("default-if-empty", $"`DefaultIfEmpty({outcome.Value})` before `{op}`: {outcome.Describe()} when {what}", substituted,
                BaseScore, basis, intent, [RuleKit.Edit(source, new TextChange(call.Span, DefaultIfEmpty(call, access, op, outcome.Value!)))],
                IntentFixes.EvidenceOf(intent.Supporting(substituted, alsoReturns)), why: why, alsoRealises: alsoReturns));
        }

        // Room for an exit no candidate could write: a block body around the call (`=> xs.First(…)` becomes `{ return xs.First(…); }`).
        if (candidates.Count == 0 && statement is null && intent.Named.Any(o => o.Kind is not OutcomeKind.Substitute)
            && RewrittenSite.Retry(this, site, BodyBlock.Around(source.Root, call, model, out _), cancellationToken, intent.Named) is { } retried)
        {
            return retried;
        }

        return CandidateChoice.Choose(rootCause, candidates, evidence, intent, IntentFixes.NothingNamed(intent, whyNot, what));
    }

    /// <summary>
    /// <c>xs.Max(x =&gt; e)</c> → <c>xs.Max(x =&gt; (T?)(e))</c> and <c>xs.Max()</c> → <c>xs.Max(x =&gt; (T?)x)</c> for a numeric
    /// <c>T</c> (<c>Average</c> too) or any other orderable value type (<c>Max</c>, <c>Min</c>): over <c>T?</c> they give null
    /// for an empty sequence. Null otherwise.
    /// </summary>
    private static TextChange? LiftedAggregate(InvocationExpressionSyntax call, MemberAccessExpressionSyntax access, string op, ITypeSymbol? elementType, SemanticModel model)
    {
        if (elementType is null || !(op is "Average" ? MethodShape.IsNumeric(elementType) : op is ("Max" or "Min") && ComparableValue(elementType)))
        {
            return null;
        }

        var nullable = elementType.ToMinimalDisplayString(model, call.SpanStart) + "?";
        switch (call.ArgumentList.Arguments)
        {
            case []:
                var name = RuleKit.FreeName(model, call.SpanStart, "x", call);
                return new TextChange(TextSpan.FromBounds(access.Name.SpanStart, call.Span.End), $"{op}({name} => ({nullable}){name})");
            case [{ Expression: SimpleLambdaExpressionSyntax { ExpressionBody: { } body } }]:
                var inner = body is IdentifierNameSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax ? body.ToString() : $"({body})";
                return new TextChange(body.Span, $"({nullable}){inner}");
            default:
                return null;
        }
    }

    /// <summary>
    /// A non-nullable value type <c>Max</c>/<c>Min</c> can order (numbers, <c>TimeSpan</c>, <c>DateTime</c>, <c>DateOnly</c>,
    /// enums…): their generic overloads return null for an empty sequence of <c>T?</c>, as the numeric ones do.
    /// </summary>
    private static bool ComparableValue(ITypeSymbol type) =>
        type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
        && (MethodShape.IsNumeric(type) || type.TypeKind == TypeKind.Enum || type.AllInterfaces.Any(i =>
            i.ToDisplayString() == "System.IComparable" || i.OriginalDefinition.ToDisplayString() == "System.IComparable<T>"));

    /// <summary>The pattern alone (an operator that throws on no elements, named by the message) before any evidence of what "none" means.</summary>
    private const double BaseScore = 0.45;

    /// <summary>
    /// The edit that takes <paramref name="jump"/> when the sequence is empty: a guard testing the receiver's emptiness (no
    /// condition, a simple receiver); <c>…OrDefault</c> with <c>?? value</c>, <c>?? throw</c> or <c>?.</c> where the result is
    /// returned; <c>…OrDefault</c> and a null guard after <c>var x = xs.First(p);</c>. Null when none fits.
    /// </summary>
    private static (string Kind, string Form, FileEdit Edit)? Exit(LinkedSource source, StatementSyntax statement, InvocationExpressionSyntax call,
        MemberAccessExpressionSyntax access, string op, ExpectedOutcome outcome, string jump, ITypeSymbol? elementType, SemanticModel model, out string whyNot)
    {
        whyNot = $"the result of `{op}` is used directly, and how its absence should be handled there is not evident";
        var style = FileStyle.Of(source.Root);
        var indent = RuleKit.Indent(source, statement);
        var receiver = access.Expression;
        if ((call.ArgumentList.Arguments.Count == 0 || Aggregates.Contains(op)) && RuleKit.IsSimple(receiver))
        {
            var guard = style.Guard(indent, EmptyTest(receiver, model), jump);
            return ("empty-guard", $"guard `{receiver}` for emptiness", RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, guard)));
        }

        var nullable = elementType is not null && (elementType.IsReferenceType || elementType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);
        if (!ElementOperators.Contains(op))
        {
            whyNot = "the aggregated sequence is a query whose emptiness cannot be tested without running it twice";
            return null;
        }

        if (!nullable)
        {
            whyNot = $"the elements are values, so `{op}OrDefault` would return a real-looking default instead of 'not found'";
            return null;
        }

        var orDefault = $"{receiver}.{op}OrDefault{call.ArgumentList}";
        var orDefaultSpan = TextSpan.FromBounds(call.SpanStart, call.Span.End);
        if (statement is ReturnStatementSyntax { Expression: { } value })
        {
            if (value == call)
            {
                var tail = outcome.IsNull ? "" : outcome.Kind == OutcomeKind.Return && outcome.Value is not null ? $" ?? {outcome.Value}"
                    : outcome.Kind == OutcomeKind.Throw ? $" ?? {jump.TrimEnd(';')}" : null;
                if (tail is null || tail.Length > 0 && !FallbackTyping.Fits(call, orDefault + tail, source.SemanticModel))
                {
                    return null;
                }

                return ("or-default", $"`{op}OrDefault`", RuleKit.Edit(source, new TextChange(orDefaultSpan, orDefault + tail)));
            }

            if (call.Parent is MemberAccessExpressionSyntax member && member.Expression == call && value == member && outcome.IsNull)
            {
                return ("or-default", $"`{op}OrDefault` and `?.`",
                    RuleKit.Edit(source, new TextChange(TextSpan.FromBounds(call.SpanStart, member.OperatorToken.Span.End), orDefault + "?.")));
            }
        }

        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
            && declaration.Declaration.Variables[0].Initializer?.Value == call)
        {
            var name = declaration.Declaration.Variables[0].Identifier.ValueText;
            var after = style.Guard(indent, NullTest(source.Root, name), jump);
            var lineEnd = source.Text.Lines.GetLineFromPosition(statement.Span.End).EndIncludingLineBreak;
            var guardText = lineEnd == source.Text.Length && !source.Text.ToString().EndsWith('\n') ? style.NewLine + after : after;
            return ("or-default", $"`{op}OrDefault` and a null guard",
                RuleKit.Edit(source, new TextChange(orDefaultSpan, orDefault), new TextChange(new TextSpan(lineEnd, 0), guardText)));
        }

        return null;
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
