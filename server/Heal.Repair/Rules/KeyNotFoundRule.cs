using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>KeyNotFoundException</c> from a dictionary indexer read <c>d[key]</c>: replaces it with <c>TryGetValue</c>
/// (or <c>GetValueOrDefault</c>) and the fallback the surrounding code implies, or declines.
/// </summary>
public sealed class KeyNotFoundRule : ICrashRule
{
    public string Id => "key-not-found";

    public bool Matches(CrashSite site) => site.ExceptionName == "KeyNotFoundException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var reads = RuleKit.OnLine<ElementAccessExpressionSyntax>(source)
            .Where(e => IsDictionary(model.GetTypeInfo(e.Expression, cancellationToken).Type) && e.ArgumentList.Arguments.Count == 1)
            .Where(e => !(e.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } a && a.Left == e))
            .ToList();
        var key = KeyFromMessage(site.Exception.Value);
        var rootCause = key is null
            ? "A dictionary was read with a key it does not contain."
            : $"The dictionary has no entry for the key '{key}'.";
        if (reads.Count == 0)
        {
            return RuleResult.Decline(rootCause, "no dictionary indexer read was found on the throwing line", [RuleKit.ThrowingLine(source)]);
        }

        if (reads.Count > 1)
        {
            return RuleResult.Decline(rootCause, "several dictionary reads share the throwing line, so the missing one is unclear", [RuleKit.ThrowingLine(source)]);
        }

        var access = reads[0];
        var dictionary = access.Expression;
        var keyExpression = access.ArgumentList.Arguments[0].Expression;
        rootCause = $"`{access}` reads the key {(key is null ? "" : $"'{key}' ")}from `{dictionary}`, which has no entry for it; the indexer throws instead of reporting the missing key.";
        var why = "A dictionary indexer read of a key that can be absent; the code around it shows what a missing key means.";
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };

        if (access.Parent is PostfixUnaryExpressionSyntax
            || access.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
            || (access.Parent is AssignmentExpressionSyntax compound && compound.Left == access))
        {
            return Counting(site, access, rootCause, evidence, cancellationToken);
        }

        if (source.Member is null)
        {
            return RuleResult.Decline(rootCause, "the read is not inside a method, so no fallback can be inferred", [.. evidence]);
        }

        var statement = RuleKit.GuardableStatement(access);
        var valueType = model.GetTypeInfo(access, cancellationToken).Type;
        var noun = RuleKit.ElementNoun(LastName(dictionary));
        var query = new IntentQuery(FailureCondition.AbsentKey, site, source, access)
        {
            Anchor = statement,
            Symbol = model.GetSymbolInfo(dictionary, cancellationToken).Symbol,
            ValueType = valueType,
            Nouns = [noun, LastName(dictionary)],
        };
        var intent = IntentAnalysis.Collect(query, cancellationToken).With(SiblingSignals(source, access, cancellationToken));
        var message = $"$\"{RuleKit.Capitalize(noun)} '{{{keyExpression}}}' was not found.\"";
        var candidates = new List<RuleCandidate>();
        var whyNot = new List<string>();

        // A value for the missing entry: substituted where the read is, which returns it when the read is what is returned.
        var returnedDirectly = access.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax;
        foreach (var outcome in intent.Named.Where(o => o.Kind is OutcomeKind.Substitute || o.Kind == OutcomeKind.Return && returnedDirectly && o.Value is not null))
        {
            var lookup = valueType is not null && OutcomeStatement.Converts(outcome.Value!, new MethodShape(null, true, valueType, false), access, model)
                ? Lookup(model, access, outcome.Value!)
                : LiftedLookup(model, access, valueType, outcome.Value!);
            if (lookup is null)
            {
                whyNot.Add($"`{outcome.Value}` is not a {valueType?.Name ?? "value"} the dictionary holds");
                continue;
            }

            var substituted = ExpectedOutcome.Substitutes(outcome.Value!);
            candidates.Add(RuleCandidate.Scored("try-get-value", $"read with a default: {outcome.Describe()} for a missing key", substituted,
                BaseScore, "dictionary indexer read on the throwing line", intent,
                [RuleKit.Edit(source, new TextChange(access.Span, lookup))],
                IntentFixes.EvidenceOf(intent.Supporting(substituted, returnedDirectly ? ExpectedOutcome.Returns(outcome.Value) : null)),
                why: why, alsoRealises: returnedDirectly ? ExpectedOutcome.Returns(outcome.Value) : null));
        }

        // A statement for the missing entry (the method's own exit, a documented skip or throw): a TryGetValue guard.
        var hoistKey = false;
        if (statement is not null && RuleKit.AlwaysEvaluated(access, statement))
        {
            foreach (var (outcome, jump) in IntentFixes.Statements(intent, source.Member, statement, model, message, whyNot, keyExpression))
            {
                if (outcome.Kind == OutcomeKind.Return && returnedDirectly && outcome.Value is not null
                    && valueType is not null && OutcomeStatement.Converts(outcome.Value, new MethodShape(null, true, valueType, false), access, model))
                {
                    continue;
                }

                if (Guarded(source, statement, access, dictionary, keyExpression, jump, noun) is not { } edit)
                {
                    whyNot.Add("the key or dictionary expression has side effects, so the read cannot be hoisted into a guard");
                    hoistKey = RuleKit.IsSimple(dictionary) && !RuleKit.IsSimple(keyExpression);
                    continue;
                }

                candidates.Add(RuleCandidate.Scored("try-get-value", $"guard the lookup with TryGetValue and {outcome.Describe()} for a missing key", outcome,
                    BaseScore, "dictionary indexer read on the throwing line", intent, [edit.Edit],
                    IntentFixes.EvidenceOf(intent.Supporting(outcome)), edit.Hoisted ? [new ConfidenceReason(-0.05, "the read is hoisted into a guard before its statement")] : null, why));
            }
        }
        else if (statement is null)
        {
            whyNot.Add("the read is not a plain statement of a block, so no guard can be placed before it");
        }

        // Room for the guard: a block body around the read, or the key computed once into a local.
        if (candidates.Count == 0 && (statement is null || hoistKey) && intent.Named.Any(o => o.Kind is not OutcomeKind.Substitute)
            && RewrittenSite.Retry(this, site, statement is null ? BodyBlock.Around(source.Root, access, model, out _) : LocalHoist.Of(source.Root, keyExpression, model, "key", out _),
                cancellationToken, intent.Named) is { } retried)
        {
            return retried;
        }

        return CandidateChoice.Choose(rootCause, candidates, evidence, intent, IntentFixes.NothingNamed(intent, whyNot, "the key is missing"));
    }

    /// <summary>The pattern alone (an indexer read whose key can be absent) before any evidence of what a missing key means.</summary>
    private const double BaseScore = 0.45;

    /// <summary>Defaults this type's code already gives a missing key: of the same dictionary, or by the naming convention of its other lookups.</summary>
    private static IEnumerable<IntentSignal> SiblingSignals(LinkedSource source, ElementAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        if (SiblingDefault(source, access, cancellationToken) is { } sibling)
        {
            yield return IntentFixes.Signal(source, IntentKind.Sibling, ExpectedOutcome.Substitutes(sibling.Default), 0.35, sibling.Node);
        }

        if (ConventionDefault(source, access, cancellationToken) is { } convention)
        {
            // The convention's evidence is the sibling read; the constant's own name is counted by the intent analysis.
            yield return IntentFixes.Signal(source, IntentKind.Sibling, ExpectedOutcome.Substitutes(convention.Default), convention.Witnesses > 1 ? 0.2 : 0.15, convention.Node,
                $"{convention.Sibling} (the type's lookups fall back to a default named after what they hold)");
        }
    }

    /// <summary>
    /// <c>var x = d[k];</c> becomes the <c>TryGetValue</c> guard itself; any other statement gets the read hoisted into a guard
    /// before it. Null when the read cannot be hoisted (its key or dictionary has side effects).
    /// </summary>
    private static (FileEdit Edit, bool Hoisted)? Guarded(LinkedSource source, StatementSyntax statement, ElementAccessExpressionSyntax access,
        ExpressionSyntax dictionary, ExpressionSyntax keyExpression, string jump, string noun)
    {
        var model = source.SemanticModel;
        var style = FileStyle.Of(source.Root);
        var indent = RuleKit.Indent(source, statement);
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
            && declaration.Declaration.Variables[0].Initializer?.Value == access
            // `int? seat = seats[k];` cannot become `out int? seat`: an out argument needs the dictionary's exact value type.
            && (declaration.Declaration.Type.IsVar
                || SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(declaration.Declaration.Type).Type, model.GetTypeInfo(access).Type)))
        {
            var variable = declaration.Declaration.Variables[0];
            var outType = declaration.Declaration.Type.IsVar ? "var" : declaration.Declaration.Type.ToString();
            var guard = style.Guard(indent, $"!{dictionary}.TryGetValue({keyExpression}, out {outType} {variable.Identifier.ValueText})", jump);
            var line = source.Text.Lines.GetLineFromPosition(statement.SpanStart);
            var end = source.Text.Lines.GetLineFromPosition(statement.Span.End);
            return (RuleKit.Edit(source, new TextChange(TextSpan.FromBounds(line.Start, end.EndIncludingLineBreak), guard)), false);
        }

        if (!RuleKit.IsSimple(keyExpression) || !RuleKit.IsSimple(dictionary))
        {
            return null;
        }

        var name = RuleKit.FreeName(model, statement.SpanStart, noun, source.Member!);
        var hoisted = style.Guard(indent, $"!{dictionary}.TryGetValue({keyExpression}, out var {name})", jump);
        return (RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, hoisted), new TextChange(access.Span, name)), true);
    }

    /// <summary>
    /// <c>d[k]++</c> or <c>d[k] += n</c>: a count or total that has no entry yet starts from zero. A decrement is not that:
    /// <c>d[k] -= n</c> on a missing key would write a negative entry the dictionary never had (stock never received, a
    /// balance never opened), so it declines, as it does when the contract calls a missing key an error.
    /// </summary>
    private static RuleResult Counting(CrashSite site, ElementAccessExpressionSyntax access, string rootCause, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var valueType = model.GetTypeInfo(access).Type;
        var keyExpression = access.ArgumentList.Arguments[0].Expression;
        var read = $"{access.Expression}.GetValueOrDefault({keyExpression})";
        if (valueType is null || !MethodShape.IsNumeric(valueType) || !RuleKit.Binds(model, access.SpanStart, read)
            || !RuleKit.IsSimple(keyExpression) || access.Parent?.Parent is not ExpressionStatementSyntax)
        {
            return RuleResult.Decline(rootCause, "the entry is updated in place but the missing key's starting value is not evident", [.. evidence]);
        }

        if (access.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostDecrementExpression } or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreDecrementExpression }
            || access.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SubtractAssignmentExpression })
        {
            return RuleResult.Decline(rootCause,
                "the entry is decreased in place: starting a missing key from zero would write a negative entry the dictionary never had, so whether the key should exist at all is the question, and the code does not answer it",
                [.. evidence]);
        }

        var intent = IntentAnalysis.Collect(new IntentQuery(FailureCondition.AbsentKey, site, source, access) { Symbol = model.GetSymbolInfo(access.Expression).Symbol }, cancellationToken);
        if (intent.Intended is { } intended)
        {
            return RuleResult.Decline(rootCause, $"{intended.Source} says a missing key is an error ({intended.Path}:{intended.Line}: {intended.Text})", [.. evidence])
                with { Intent = intent.Signals };
        }

        var update = access.Parent switch
        {
            PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) => $"{access} = {read} + 1",
            PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostDecrementExpression) => $"{access} = {read} - 1",
            PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) => $"{access} = {read} + 1",
            PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreDecrementExpression) => $"{access} = {read} - 1",
            AssignmentExpressionSyntax a when a.IsKind(SyntaxKind.AddAssignmentExpression) => $"{access} = {read} + {Operand(a.Right)}",
            AssignmentExpressionSyntax a when a.IsKind(SyntaxKind.SubtractAssignmentExpression) => $"{access} = {read} - {Operand(a.Right)}",
            _ => null,
        };
        if (update is null)
        {
            return RuleResult.Decline(rootCause, "the entry is updated in place with an operator whose starting value is not evident", [.. evidence]);
        }

        return RuleKit.Fix(rootCause, "A running total or count kept in a dictionary is updated before the key was ever added.",
            "get-value-or-default",
            [(0.6, "dictionary entry updated in place on the throwing line"), (0.25, "a count or total that has no entry yet starts from zero")],
            evidence, RuleKit.Edit(source, new TextChange(access.Parent.Span, update)));
    }

    private static string Operand(ExpressionSyntax expression) =>
        expression is BinaryExpressionSyntax or ConditionalExpressionSyntax or AssignmentExpressionSyntax ? $"({expression})" : expression.ToString();

    /// <summary>The lookup with a default: <c>GetValueOrDefault</c> when it is in scope, else a <c>TryGetValue</c> conditional.</summary>
    private static string Lookup(SemanticModel model, ElementAccessExpressionSyntax access, string fallback)
    {
        var dictionary = access.Expression;
        var keyExpression = access.ArgumentList.Arguments[0].Expression;
        var isDefault = fallback is "null" or "default";
        var call = isDefault ? $"{dictionary}.GetValueOrDefault({keyExpression})" : $"{dictionary}.GetValueOrDefault({keyExpression}, {fallback})";
        if (RuleKit.Binds(model, access.SpanStart, call))
        {
            return call;
        }

        var name = RuleKit.FreeName(model, access.SpanStart, RuleKit.ElementNoun(LastName(dictionary)), (SyntaxNode?)access.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? access);
        var conditional = $"{dictionary}.TryGetValue({keyExpression}, out var {name}) ? {name} : {fallback}";
        return access.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax ? conditional : $"({conditional})";
    }

    /// <summary>
    /// <c>null</c> for a missing value-type entry read where a <c>T?</c> of that type is expected (<c>DateTime? LastLogin(u) =&gt;
    /// logins[u]</c>): <c>logins.TryGetValue(u, out var login) ? login : (DateTime?)null</c>. Never <c>GetValueOrDefault</c>, which
    /// would give <c>default(T)</c>, not null. Null when the value does not fit that way.
    /// </summary>
    private static string? LiftedLookup(SemanticModel model, ElementAccessExpressionSyntax access, ITypeSymbol? valueType, string fallback)
    {
        if (fallback != "null" || valueType is not { IsValueType: true }
            || model.GetTypeInfo(access).ConvertedType is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } lifted
            || !SymbolEqualityComparer.Default.Equals(lifted.TypeArguments[0], valueType))
        {
            return null;
        }

        var name = RuleKit.FreeName(model, access.SpanStart, RuleKit.ElementNoun(LastName(access.Expression)), (SyntaxNode?)access.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? access);
        var conditional = $"{access.Expression}.TryGetValue({access.ArgumentList.Arguments[0].Expression}, out var {name}) ? {name} : ({lifted.ToMinimalDisplayString(model, access.SpanStart)})null";
        var written = access.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax ? conditional : $"({conditional})";
        return FallbackTyping.Fits(access, written, model) ? written : null;
    }

    /// <summary>Another read of the same dictionary in this type that already supplies a default.</summary>
    private static (string Default, SyntaxNode Node)? SiblingDefault(LinkedSource source, ElementAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        var target = model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
        var type = access.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (target is null || type is null)
        {
            return null;
        }

        var defaults = new List<(string, SyntaxNode)>();
        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(member.Expression, cancellationToken).Symbol, target))
            {
                continue;
            }

            var name = member.Name.Identifier.ValueText;
            if (name == "GetValueOrDefault" && invocation.ArgumentList.Arguments.Count == 2)
            {
                defaults.Add((invocation.ArgumentList.Arguments[1].Expression.ToString(), invocation));
            }
            else if (name == "TryGetValue" && invocation.Parent is ConditionalExpressionSyntax conditional && conditional.Condition == invocation)
            {
                defaults.Add((conditional.WhenFalse.ToString(), invocation));
            }
            else if (name == "ContainsKey" && invocation.Parent is ConditionalExpressionSyntax contains && contains.Condition == invocation)
            {
                defaults.Add((contains.WhenFalse.ToString(), invocation));
            }
        }

        var distinct = defaults.DistinctBy(d => d.Item1).ToList();
        return distinct.Count == 1 && (ExitPaths.IsNeutralValue(SyntaxFactory.ParseExpression(distinct[0].Item1))
            || model.GetConstantValue(DefaultNode(distinct[0].Item2), cancellationToken).HasValue) ? distinct[0] : null;
    }

    /// <summary>
    /// The type's reads of its other dictionaries fall back to a default named after what each holds
    /// (<c>_zones.TryGetValue(c, out var z) ? z : DefaultZone</c>); the same prefix and this dictionary's element noun name
    /// its default (<c>_ratesByCountry</c> → <c>DefaultRate</c>), when such a field, constant or property exists with a fitting type.
    /// </summary>
    private static (string Default, SyntaxNode Node, string Sibling, int Witnesses)? ConventionDefault(LinkedSource source, ElementAccessExpressionSyntax access,
        CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        var target = model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
        var type = access.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        var valueType = model.GetTypeInfo(access, cancellationToken).Type;
        if (target is null || type is null || valueType is null)
        {
            return null;
        }

        string? prefix = null;
        var siblings = new List<(ExpressionSyntax Fallback, SyntaxNode Node)>();
        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member
                || model.GetSymbolInfo(member.Expression, cancellationToken).Symbol is not (IFieldSymbol or IPropertySymbol)
                || SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(member.Expression, cancellationToken).Symbol, target))
            {
                continue;
            }

            var fallback = member.Name.Identifier.ValueText switch
            {
                "GetValueOrDefault" when invocation.ArgumentList.Arguments.Count == 2 => invocation.ArgumentList.Arguments[1].Expression,
                "TryGetValue" when invocation.Parent is ConditionalExpressionSyntax conditional && conditional.Condition == invocation => conditional.WhenFalse,
                _ => null,
            };
            if (fallback is null)
            {
                continue;
            }

            var noun = RuleKit.Capitalize(RuleKit.ElementNoun(LastName(member.Expression)));
            var name = fallback is IdentifierNameSyntax or MemberAccessExpressionSyntax ? LastName(fallback) : null;
            if (name is null || name.Length <= noun.Length || !name.EndsWith(noun, StringComparison.Ordinal)
                || prefix is not null && prefix != name[..^noun.Length])
            {
                return null;
            }

            prefix = name[..^noun.Length];
            siblings.Add((fallback, invocation));
        }

        if (prefix is null)
        {
            return null;
        }

        var template = siblings[0].Fallback.ToString();
        var candidate = template[..^LastName(siblings[0].Fallback).Length] + prefix + RuleKit.Capitalize(RuleKit.ElementNoun(LastName(access.Expression)));
        var expression = SyntaxFactory.ParseExpression(candidate);
        var symbol = model.GetSpeculativeSymbolInfo(access.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
        var candidateType = model.GetSpeculativeTypeInfo(access.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Type;
        if (symbol is not (IFieldSymbol or IPropertySymbol) || candidateType is null || !model.Compilation.ClassifyConversion(candidateType, valueType).IsImplicit)
        {
            return null;
        }

        return (candidate, siblings[0].Node, siblings[0].Node.Parent?.ToString() ?? siblings[0].Node.ToString(), siblings.Count);
    }

    private static ExpressionSyntax DefaultNode(SyntaxNode read) => read switch
    {
        InvocationExpressionSyntax { Parent: ConditionalExpressionSyntax c } => c.WhenFalse,
        InvocationExpressionSyntax i => i.ArgumentList.Arguments[^1].Expression,
        _ => (ExpressionSyntax)read,
    };

    private static bool IsDictionary(ITypeSymbol? type) =>
        type is not null && type.SpecialType != SpecialType.System_String && type is not IArrayTypeSymbol
        && (type.GetMembers("TryGetValue").Any() || type.AllInterfaces.Any(i => i.Name is "IDictionary" or "IReadOnlyDictionary"));

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        _ => "value",
    };

    private static string? KeyFromMessage(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var start = message.IndexOf('\'');
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : null;
    }
}
