using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>InvalidOperationException</c> "Nullable object must have a value": <c>x.Value</c> of a <c>T?</c> that is null. The
/// value for the absent case comes only from what the code says (the documentation of the failing method, of its parameters
/// and of the member, declarations, the method's exits, tests): <c>(x ?? v)</c> where <c>x.Value</c> was read, or a guard that
/// returns, skips or throws as documented. It declines when nothing names the outcome, or several ways compete.
/// </summary>
public sealed class NullableValueRule : ICrashRule
{
    /// <summary>The pattern alone (a <c>.Value</c> of a nullable value type named by the message) before any evidence.</summary>
    private const double BaseScore = 0.45;

    public string Id => "nullable-value";

    /// <summary>Its first patch on a held-out crash (2026-12-08) was wrong: its fixes are candidates only.</summary>
    public bool OnProbation => true;

    public bool Matches(CrashSite site) =>
        site.ExceptionName == "InvalidOperationException"
        && site.Exception.Value?.Contains("Nullable object must have a value", StringComparison.Ordinal) == true;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var reads = RuleKit.OnLine<MemberAccessExpressionSyntax>(source)
            .Where(a => a.Name.Identifier.ValueText == "Value" && IsNullableValue(model.GetTypeInfo(a.Expression, cancellationToken).Type)
                && !NullChecks.IsCheckedBefore(a.Expression, a))
            .GroupBy(a => a.Expression.ToString(), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (reads.Count != 1)
        {
            return RuleResult.Decline("`.Value` was read from a nullable value that was null.",
                reads.Count == 0 ? "no unchecked `.Value` of a nullable value type on the throwing line"
                    : $"ambiguous: {string.Join(", ", reads.Select(r => $"`{r.Expression}`"))} could each be the null value", [.. evidence]);
        }

        var read = reads[0];
        var nullable = AbsenceConventions.Unwrap(read.Expression);
        var valueType = ((INamedTypeSymbol)model.GetTypeInfo(read.Expression, cancellationToken).Type!).TypeArguments[0];
        var rootCause = $"`{read}` is read while `{nullable}` is null; {NullReferenceRule.MemberName(source.Member)} assumes it always has a value.";
        if (source.Member is null)
        {
            return RuleResult.Decline(rootCause, "the read is not inside a method, so nothing says what the absent case means", [.. evidence]);
        }

        var statement = RuleKit.GuardableStatement(read);
        var query = new IntentQuery(FailureCondition.Null, site, source, nullable)
        {
            Anchor = statement,
            Symbol = IntentAnalysis.Involved(nullable, model),
            ValueType = valueType,
        };
        var intent = IntentAnalysis.Collect(query, cancellationToken);
        var basis = $"`{read}` on the throwing line, and the message says the nullable had no value";
        var candidates = new List<RuleCandidate>();
        var whyNot = new List<string>();

        // A value for the absent case, where the value was read: `(x ?? v)`, checked against the type the read had there.
        foreach (var outcome in intent.Named.Where(o => o.Kind == OutcomeKind.Substitute && o.Value is not null))
        {
            var value = outcome.Value == "empty" ? OutcomeStatement.Empty(valueType, model, read.SpanStart) : outcome.Value!;
            if (value is null || !OutcomeStatement.Converts(value, new MethodShape(null, true, valueType, false), read, model)
                || !FallbackTyping.Fits(read, $"{nullable} ?? {value}", model))
            {
                whyNot.Add($"`{outcome.Value}` is not a value of `{valueType.ToDisplayString()}`");
                continue;
            }

            var replacement = read.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
                ? $"{nullable} ?? {value}" : $"({nullable} ?? {value})";
            candidates.Add(RuleCandidate.Scored("nullable-fallback", $"`{nullable} ?? {value}` where `.Value` was read", outcome, BaseScore, basis, intent,
                [RuleKit.Edit(source, new TextChange(read.Span, replacement))], IntentFixes.EvidenceOf(intent.Supporting(outcome)),
                why: $"`{nullable}` can be null, and the code names `{value}` as its value then."));
        }

        // An exit for the absent case (a documented return, skip or throw): a guard before the statement.
        if (statement is not null && RuleKit.AlwaysEvaluated(read, statement) && RuleKit.IsSimple(nullable))
        {
            var layout = AbsenceConventions.Layout(source.Root);
            foreach (var (outcome, jump) in IntentFixes.Statements(intent, source.Member, statement, model, $"\"{nullable} has no value.\"", whyNot))
            {
                if (GuardWriter.InsertBefore(source.Text, statement, layout.NullTest(nullable.ToString()), jump, layout) is not { } text)
                {
                    whyNot.Add($"{outcome.Describe()}: the statement to guard shares its line or is not in a block");
                    continue;
                }

                candidates.Add(RuleCandidate.Scored("nullable-guard", $"guard `{nullable}` and {outcome.Describe()}", outcome, BaseScore, basis, intent,
                    [new FileEdit(source.RelativePath, text.ToString())], IntentFixes.EvidenceOf(intent.Supporting(outcome)),
                    why: $"`{nullable}` can be null here; the code says to {outcome.Describe()} then."));
            }
        }
        else if (intent.Named.Any(o => o.Kind is not OutcomeKind.Substitute))
        {
            whyNot.Add("the read is not a plain, always evaluated statement of a block, so no exit can be placed before it");

            // Room for the exit: a block body around the read, or the nullable computed once into a local.
            var rewrite = RuleKit.IsSimple(nullable) ? BodyBlock.Around(source.Root, read, model, out _) : LocalHoist.Of(source.Root, nullable, model, "value", out _);
            if (candidates.Count == 0 && RewrittenSite.Retry(this, site, rewrite, cancellationToken, intent.Named) is { } retried)
            {
                return retried;
            }
        }

        return CandidateChoice.Choose(rootCause, candidates, evidence, intent, IntentFixes.NothingNamed(intent, whyNot, $"`{nullable}` is null"));
    }

    private static bool IsNullableValue(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
}
