using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// Weighs a null fix found from sibling code against what the documentation, declarations, callers and tests say should
/// happen when the value is null, and adds the fixes they name: a substituted value (<c>(x ?? Default)</c>) or a guard
/// that returns, skips or throws. The sibling-code analysis (<see cref="AbsenceConventions"/>) already counted the
/// method's own and its siblings' exits, so those signals are left out here.
/// </summary>
internal static class NullIntentFixes
{
    /// <summary>The pattern alone (a dereference of a value that can be null) for a fix only the intent names.</summary>
    private const double BaseScore = 0.45;

    public static RuleResult Weigh(CrashSite site, NullSuspect suspect, RuleResult fromCode, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var receiver = AbsenceConventions.Unwrap(suspect.Receiver);
        var (anchor, after) = NullReferenceRule.Anchor(suspect, model);
        var query = new IntentQuery(FailureCondition.Null, site, source, receiver)
        {
            Anchor = anchor,
            Symbol = model.GetSymbolInfo(receiver, cancellationToken).Symbol,
            ValueType = model.GetTypeInfo(receiver, cancellationToken).Type,
        };
        var all = IntentAnalysis.Collect(query, cancellationToken);
        var intent = all with
        {
            Signals = all.Signals.Where(s => s.Kind is not (IntentKind.OwnExit or IntentKind.Sibling)
                && !(s.Kind == IntentKind.NullableAnnotation && s.Stance == IntentStance.Names)).ToImmutableArray(),
        };
        if (intent.Signals.IsEmpty)
        {
            return fromCode;
        }

        var candidates = new List<RuleCandidate>();
        if (!fromCode.IsDecline && !fromCode.Edits.IsDefaultOrEmpty)
        {
            candidates.Add(RuleCandidate.FromFix(fromCode, intent));
        }

        var whyNot = new List<string>();
        foreach (var outcome in intent.Named)
        {
            if (Candidate(source, suspect, receiver, anchor, after, outcome, intent, whyNot) is { } candidate)
            {
                candidates.Add(candidate);
            }
        }

        var declined = fromCode.DeclineReason ?? IntentFixes.NothingNamed(intent, whyNot, $"`{receiver}` is null");
        if (candidates.Count == 0 && intent.AbsenceIsBug)
        {
            var required = intent.Signals.First(s => s.Stance == IntentStance.Required);
            declined = $"{required.Source} says `{receiver}` must be present ({required.Path}:{required.Line}: {required.Text}), so its absence is a bug where the value is produced, not a case to handle here";
        }

        return CandidateChoice.Choose(fromCode.RootCause, candidates, fromCode.Evidence, intent,
            whyNot.Count > 0 && fromCode.IsDecline ? $"{declined}; {IntentFixes.NothingNamed(intent, whyNot, $"`{receiver}` is null")}" : declined);
    }

    /// <summary>
    /// What was looked up when the null local came from a one-argument lookup (<c>var v = registry.Find(call.Imo);</c>): the
    /// argument, when it is a plain name or member chain that still holds the same value where the guard goes.
    /// </summary>
    internal static ExpressionSyntax? LookupKey(ExpressionSyntax receiver, SemanticModel model)
    {
        if (model.GetSymbolInfo(receiver).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        value = AbsenceConventions.Unwrap(value is AwaitExpressionSyntax awaited ? awaited.Expression : value);
        return value is InvocationExpressionSyntax { ArgumentList.Arguments: [{ RefKindKeyword.RawKind: 0 } only] }
            && AbsenceConventions.Unwrap(only.Expression) is var key && NullReferenceRule.IsGuardable(key, model)
            ? key
            : null;
    }

    private static RuleCandidate? Candidate(LinkedSource source, NullSuspect suspect, ExpressionSyntax receiver, StatementSyntax? anchor, bool after,
        ExpectedOutcome outcome, Intent intent, List<string> whyNot)
    {
        var model = source.SemanticModel;
        var basis = $"`{receiver}` can be null where it is dereferenced";
        switch (outcome.Kind)
        {
            case OutcomeKind.Substitute:
                var type = model.GetTypeInfo(receiver).Type;
                var value = outcome.Value == "empty" && type is not null ? OutcomeStatement.Empty(type, model, receiver.SpanStart) : outcome.Value;
                if (type is null || value is null || !OutcomeStatement.Converts(value, new MethodShape(null, true, type, false), receiver, model))
                {
                    whyNot.Add($"`{outcome.Value}` is not a value of `{receiver}`'s type");
                    return null;
                }

                if (!FallbackTyping.Fits(suspect.Receiver, $"{receiver} ?? {value}", model))
                {
                    whyNot.Add($"`{receiver} ?? {value}` is not well typed where `{receiver}` is used");
                    return null;
                }

                var replacement = suspect.Receiver.Parent is ForEachStatementSyntax or ArgumentSyntax or EqualsValueClauseSyntax
                    ? $"{receiver} ?? {value}" : $"({receiver} ?? {value})";
                return RuleCandidate.Scored("null-fallback", $"`{receiver} ?? {value}` where it is dereferenced", outcome, BaseScore, basis, intent,
                    [RuleKit.Edit(source, new TextChange(suspect.Receiver.Span, replacement))], IntentFixes.EvidenceOf(intent.Supporting(outcome)),
                    why: $"`{receiver}` can be null, and the code names `{value}` as its value then.");
            case OutcomeKind.Return or OutcomeKind.Skip or OutcomeKind.Stop or OutcomeKind.Throw:
                var member = anchor is null ? null : AbsenceConventions.MemberOf(anchor);
                if (anchor is null || member is null || !NullReferenceRule.IsGuardable(receiver, model))
                {
                    whyNot.Add($"{outcome.Describe()}: no statement boundary before the dereference of `{receiver}` to place a guard at");
                    return null;
                }

                var at = after ? NullReferenceRule.NextOrSelf(anchor) : anchor;
                var message = $"\"{receiver} is missing.\"";
                if (OutcomeStatement.Write(outcome, member, at, model, intent.Supporting(outcome), message, out var why, LookupKey(receiver, model)) is not { } statement)
                {
                    whyNot.Add($"{outcome.Describe()}: {why}");
                    return null;
                }

                var layout = AbsenceConventions.Layout(source.Root);
                var condition = layout.NullTest(receiver.ToString());
                var text = after
                    ? GuardWriter.InsertAfter(source.Text, anchor, condition, statement, layout)
                    : GuardWriter.InsertBefore(source.Text, anchor, condition, statement, layout);
                if (text is null)
                {
                    whyNot.Add($"{outcome.Describe()}: the statement to guard shares its line or is not in a block");
                    return null;
                }

                return RuleCandidate.Scored("null-guard", $"guard `{receiver}` and {outcome.Describe()}", outcome, BaseScore, basis, intent,
                    [new FileEdit(source.RelativePath, text.ToString())], IntentFixes.EvidenceOf(intent.Supporting(outcome)),
                    why: $"`{receiver}` can be null here; the code says to {outcome.Describe()} then.");
            default:
                return null;
        }
    }
}
