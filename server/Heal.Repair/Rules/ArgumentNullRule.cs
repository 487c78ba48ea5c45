using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>ArgumentNullException</c> thrown by a library call (<c>string.Join</c>, <c>Path.Combine</c>, <c>Enumerable.*</c>…):
/// finds the call on the deepest in-app line whose argument bound to the named parameter can be null, then fixes it
/// the way the code already does: the same <c>?? fallback</c>, the file's empty-collection idiom for a sequence, or the
/// guard <see cref="NullReferenceRule"/> would write.
/// </summary>
public sealed partial class ArgumentNullRule : ICrashRule
{
    public string Id => "argument-null";

    public bool Matches(CrashSite site) => site.ExceptionName == "ArgumentNullException" && ParameterName(site.Exception.Value) is not null;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var parameterName = ParameterName(site.Exception.Value)!;
        var source = site.Throwing;
        var model = source.SemanticModel;
        var lineText = source.Text.ToString(source.LineSpan).Trim();
        var throwingEvidence = new Evidence(source.RelativePath, source.Frame.Line, lineText, "throwing frame");

        // Library calls only: an in-app method that throws ArgumentNullException would itself be the throwing frame.
        var arguments = LineCode.Nodes(source)
            .Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
            .Where(n => model.GetSymbolInfo(n).Symbol is IMethodSymbol { Locations: var locations } && locations.All(l => l.IsInMetadata))
            .Select(n => (Call: n, Argument: CallSites.ArgumentOf(n, model, parameterName)))
            .Where(c => c.Argument is not null && !NullOrigins.CannotBeNull(c.Argument, model))
            .ToList();
        if (arguments.Count == 0)
        {
            return RuleResult.Decline($"`{lineText}` passes nothing that could be null as `{parameterName}`.",
                $"no library call on the throwing line takes a possibly null `{parameterName}`", [throwingEvidence]);
        }

        var guards = AbsenceConventions.Find(NullReferenceRule.TypeScope(source), model);
        var suspects = arguments
            .GroupBy(a => AbsenceConventions.Unwrap(a.Argument!).ToString())
            .Select(g => NullReferenceRule.Assess(new Dereference(DereferenceKind.MemberAccess, g.First().Argument!, g.First().Call), site, guards))
            .Where(s => !s.Cleared)
            .OrderByDescending(s => s.Weight)
            .ToList();
        var decline = NullReferenceRule.Choose(suspects, lineText, throwingEvidence, out var suspect, out var byElimination);
        if (decline is not null)
        {
            return decline;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var callee = model.GetSymbolInfo(suspect!.Dereference.Node).Symbol as IMethodSymbol;
        var use = $"passes it to `{callee?.Name}` as `{parameterName}`, which rejects null";
        return NullReferenceRule.Plan(site, suspect, byElimination, guards, throwingEvidence, use, cancellationToken,
            Fallback(site, suspect, guards, byElimination, throwingEvidence, use));
    }

    /// <summary>The parameter named in "Value cannot be null. (Parameter 'source')" or the older "Parameter name: source".</summary>
    public static string? ParameterName(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var match = ParameterPattern().Match(message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>
    /// A <c>?? fallback</c> for a sequence or value that code elsewhere already falls back for (same key), or, for a sequence
    /// absent by design, the file's empty-collection idiom. Null when neither applies. Shared with <see cref="NullReferenceRule"/>
    /// for <c>foreach</c> over a null collection.
    /// </summary>
    internal static RuleResult? Fallback(CrashSite site, NullSuspect suspect, ImmutableArray<AbsenceGuard> guards, bool byElimination,
        Evidence throwingEvidence, string use)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var argument = suspect.Receiver;
        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        evidence.Add(throwingEvidence);
        string? fallback = null;
        // Only a fallback of the value's own type: `x?.Count ?? 0` falls back for the count, not for `x`.
        AbsenceGuard? precedent = AbsenceConventions.Fallbacks(guards, suspect.Key)
            .FirstOrDefault(g => FallbackTyping.Fits(argument, $"{AbsenceConventions.Unwrap(argument)} ?? {g.Action.Text}", model));
        string basis;
        if (precedent is not null)
        {
            fallback = precedent.Action.Text;
            basis = $"{AbsenceConventions.Describe(precedent)} falls back to `{fallback}` for the same value";
            reasons.Add(new ConfidenceReason(0.25, basis));
        }
        else if (NullOrigins.ByDesign(suspect.Signals) && EmptyFor(argument, model, guards, out precedent) is { } empty)
        {
            fallback = empty;
            basis = $"the value is a sequence that can be absent and the file already treats absent sequences as empty (`{precedent!.Node}`)";
            reasons.Add(new ConfidenceReason(0.1, "the file's own empty-collection idiom"));
        }
        else if (EmptyBySiblings(argument, model, guards, suspect.Key, out precedent, out var witnesses) is { } treatedAsEmpty)
        {
            fallback = treatedAsEmpty;
            basis = $"{AbsenceConventions.Describe(precedent!)} answers `{precedent!.Action.Text}` when `{precedent.Tested}` is null, the value of its own computation over no elements: "
                + "the code treats the absent sequence as empty";
            reasons.Add(new ConfidenceReason(0.15, basis));
            if (witnesses == 1)
            {
                reasons.Add(new ConfidenceReason(-0.1, $"a single sibling, {AbsenceConventions.Describe(precedent)}, treats the sequence as empty"));
            }
        }
        else
        {
            return null;
        }

        if (!FallbackTyping.Fits(argument, $"{AbsenceConventions.Unwrap(argument)} ?? {fallback}", model))
        {
            return null;
        }

        if (byElimination)
        {
            reasons.Add(new ConfidenceReason(-0.15, $"`{argument}` is the only nullable argument; nothing in the code says why it is null"));
        }

        AddSignals(suspect, reasons);
        NullReferenceRule.AddEvidence(evidence, precedent!.Node, "sibling fallback", site);
        foreach (var signal in suspect.Signals.Where(s => s.Node is not null).Take(2))
        {
            NullReferenceRule.AddEvidence(evidence, signal.Node!, "null originates here", site);
        }

        var replacement = $"{argument} ?? {fallback}";
        if (argument.Parent is not (ArgumentSyntax or ForEachStatementSyntax or EqualsValueClauseSyntax))
        {
            replacement = $"({replacement})";
        }

        var newText = source.Text.WithChanges(new TextChange(argument.Span, replacement));
        var origin = suspect.Signals.FirstOrDefault(s => s.Kind != NullSignalKind.CheckedElsewhere);
        var rootCause = $"`{argument}` is null" + (origin is null ? "" : $" ({origin.Description})") + $"; {NullReferenceRule.MemberName(source.Member)} {use}.";
        var confidence = Math.Clamp(0.5 + reasons.Sum(r => r.Delta), 0.05, 0.95);
        return RuleResult.Fix(rootCause, $"`{argument}` can be null where a value is required; it falls back to `{fallback}` because {basis}.",
            "null-fallback", Math.Round(confidence, 2), [new FileEdit(source.RelativePath, newText.ToString())], reasons.ToImmutable(), evidence.ToImmutable())
            with { Outcome = ExpectedOutcome.Substitutes(fallback!) };
    }

    /// <summary>The file's empty-collection idiom (<c>?? []</c>, <c>?? Enumerable.Empty&lt;T&gt;()</c>, <c>?? Array.Empty&lt;T&gt;()</c>) written for <paramref name="argument"/>'s type.</summary>
    private static string? EmptyFor(ExpressionSyntax argument, SemanticModel model, ImmutableArray<AbsenceGuard> guards, out AbsenceGuard? precedent)
    {
        precedent = null;
        var type = model.GetTypeInfo(argument).Type;
        if (type is null || type.SpecialType == SpecialType.System_String || !type.AllInterfaces.Concat(type is INamedTypeSymbol n ? [n] : []).Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
        {
            return null;
        }

        var element = type is IArrayTypeSymbol array ? array.ElementType
            : type.AllInterfaces.Concat(type is INamedTypeSymbol named ? [named] : [])
                .First(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T).TypeArguments[0];
        var elementName = element.ToMinimalDisplayString(model, argument.SpanStart);
        foreach (var guard in guards.Where(g => g.Action.Kind == AbsenceActionKind.Fallback && g.Form == GuardForm.Coalesce && g.Action.Text is not null))
        {
            var text = guard.Action.Text!;
            string? candidate = text switch
            {
                "[]" => "[]",
                _ when text.StartsWith("Enumerable.Empty<", StringComparison.Ordinal) && IsInterfaceSequence(type) => $"Enumerable.Empty<{elementName}>()",
                _ when text.StartsWith("Array.Empty<", StringComparison.Ordinal) && type is IArrayTypeSymbol => $"Array.Empty<{elementName}>()",
                _ => null,
            };
            if (candidate is not null)
            {
                precedent = guard;
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// An empty sequence for <paramref name="argument"/> when sibling guards of the same value return the result of their own
    /// computation over no elements (<c>if (x.Lines == null) return 0;</c> before <c>return x.Lines.Sum(…)</c>, or
    /// <c>return Enumerable.Empty&lt;T&gt;();</c> before <c>return x.Lines.Select(…)</c>): absent means empty there, so it does here.
    /// </summary>
    private static string? EmptyBySiblings(ExpressionSyntax argument, SemanticModel model, ImmutableArray<AbsenceGuard> guards, string? key,
        out AbsenceGuard? precedent, out int witnesses)
    {
        precedent = null;
        witnesses = 0;
        var type = model.GetTypeInfo(argument).Type;
        if (key is null || type is null || type.SpecialType == SpecialType.System_String
            || !type.AllInterfaces.Concat(type is INamedTypeSymbol n ? [n] : []).Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
        {
            return null;
        }

        var empties = guards.Where(g => g.Key == key && g.Node is IfStatementSyntax && g.Action.Kind == AbsenceActionKind.Return
            && g.Action.Text is { } text && g.Member is not null && IsEmptyResult(text) && AggregatesOver(g)).ToList();
        if (empties.Count == 0)
        {
            return null;
        }

        // A sibling that answers anything else for the same absence contradicts "absent means empty".
        if (guards.Any(g => g.Key == key && g.Node is IfStatementSyntax && g.Action.Kind is AbsenceActionKind.Return or AbsenceActionKind.Throw && !empties.Contains(g)))
        {
            return null;
        }

        var element = type is IArrayTypeSymbol array ? array.ElementType
            : type.AllInterfaces.Concat(type is INamedTypeSymbol named ? [named] : [])
                .First(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T).TypeArguments[0];
        var elementName = element.ToMinimalDisplayString(model, argument.SpanStart);
        string? empty = type is IArrayTypeSymbol ? $"Array.Empty<{elementName}>()"
            : IsInterfaceSequence(type) || argument.Parent is ForEachStatementSyntax ? $"Enumerable.Empty<{elementName}>()"
            : null;
        if (empty is null || !RuleKit.Binds(model, argument.SpanStart, empty))
        {
            return null;
        }

        precedent = empties[0];
        witnesses = empties.Select(g => g.Member).Distinct().Count();
        return empty;
    }

    private static bool IsEmptyResult(string text) =>
        text is "0" or "0m" or "0M" or "0L" or "0d" or "0.0" or "0.0m" or "false" or "[]"
        || text.StartsWith("Enumerable.Empty<", StringComparison.Ordinal) || text.StartsWith("Array.Empty<", StringComparison.Ordinal);

    /// <summary>True when the guard's method otherwise returns a computation over the tested value (<c>x.Lines.Sum(…)</c>).</summary>
    private static bool AggregatesOver(AbsenceGuard guard)
    {
        var tested = AbsenceConventions.Unwrap(guard.Tested).ToString();
        var returns = guard.Member!.DescendantNodes(n => n == guard.Member || !SourceLocator.IsMember(n))
            .OfType<ReturnStatementSyntax>()
            .Where(r => !guard.Node.Span.Contains(r.Span))
            .ToList();
        return returns.Count == 1 && returns[0].Expression is { } returned
            && AbsenceConventions.Unwrap(returned) is InvocationExpressionSyntax
            && returned.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(a => AbsenceConventions.Unwrap(a.Expression).ToString() == tested
                && a.Parent is InvocationExpressionSyntax);
    }

    private static bool IsInterfaceSequence(ITypeSymbol type) => type.TypeKind == TypeKind.Interface || type is IArrayTypeSymbol;

    private static void AddSignals(NullSuspect suspect, ImmutableArray<ConfidenceReason>.Builder reasons)
    {
        var origin = suspect.Signals.FirstOrDefault(s => s.Kind is NullSignalKind.OrDefaultCall or NullSignalKind.AsCast or NullSignalKind.NullableAnnotation or NullSignalKind.TryGetOut or NullSignalKind.NullLiteral);
        if (origin is not null)
        {
            reasons.Add(new ConfidenceReason(0.1, $"`{suspect.Receiver}` is null by design: {origin.Description}"));
        }
    }

    [GeneratedRegex(@"(\(Parameter '(?<name>[^']+)'\)|Parameter name: (?<name>\w+))")]
    private static partial Regex ParameterPattern();
}
