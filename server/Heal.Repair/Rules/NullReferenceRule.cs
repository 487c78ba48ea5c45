using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>NullReferenceException</c>: finds which receiver on the throwing line was null, where that null comes from, and
/// writes the one guard or operator the surrounding code would use, at the origin when a caller passes a value that
/// is absent by design, or at the dereference when the code already treats absence as normal.
/// </summary>
/// <remarks>
/// It declines when several receivers could be the null one, when a parameter's value comes from outside the
/// linked frames, and when neither sibling code nor the method's shape says what should happen instead.
/// </remarks>
public sealed class NullReferenceRule : ICrashRule
{
    private const double StrongEvidence = 0.3;
    private const double WeakEvidence = 0.1;
    private const double ShiftedLinePenalty = 0.1;
    private const string SiblingChecks = "sibling code already checks the same value for null";

    public string Id => "null-reference";

    public bool Matches(CrashSite site) => site.ExceptionName == "NullReferenceException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var lineText = source.Text.ToString(source.LineSpan).Trim();
        var throwingEvidence = new Evidence(source.RelativePath, source.Frame.Line, lineText, "throwing frame");
        var dereferences = LineCode.Dereferences(source);
        var shifted = false;
        if (dereferences.IsEmpty && LineCode.NextStatementUsingLocals(source) is { } next)
        {
            // The reported line only declares a local: in optimised code the fault is in the statement that consumes it.
            var nextDereferences = LineCode.Dereferences(next.Source)
                .Where(d => next.Locals.Any(l => SymbolEqualityComparer.Default.Equals(source.SemanticModel.GetSymbolInfo(AbsenceConventions.Unwrap(d.Receiver)).Symbol, l)))
                .ToImmutableArray();
            if (!nextDereferences.IsEmpty)
            {
                source = next.Source;
                shifted = true;
                site = site with { Throwing = next.Source };
                dereferences = nextDereferences;
                lineText = source.Text.ToString(source.LineSpan).Trim();
                throwingEvidence = new Evidence(source.RelativePath, source.Text.Lines.GetLineFromPosition(source.LineSpan.Start).LineNumber + 1, lineText, "throwing frame");
            }
        }

        if (dereferences.IsEmpty)
        {
            return RuleResult.Decline($"`{lineText}` dereferences nothing that could be null.",
                "no dereference of a possibly null value on the throwing line", [throwingEvidence]);
        }

        var scope = TypeScope(source);
        var guards = AbsenceConventions.Find(scope, source.SemanticModel);
        var suspects = dereferences
            .GroupBy(d => AbsenceConventions.Unwrap(d.Receiver).ToString())
            .Select(g => Assess(g.First(), site, guards))
            .Where(s => !s.Cleared)
            .OrderByDescending(s => s.Weight)
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();

        var decline = Choose(suspects, lineText, throwingEvidence, out var suspect, out var byElimination);
        var result = decline ?? Plan(site, suspect!, byElimination, guards, throwingEvidence, "dereferences it", cancellationToken);
        if (result.IsDecline || !shifted)
        {
            return result;
        }

        return result with
        {
            Confidence = Math.Round(Math.Max(0.05, result.Confidence - ShiftedLinePenalty), 2),
            Reasons = result.Reasons.Add(new ConfidenceReason(-ShiftedLinePenalty,
                "the reported line only declares the value; the dereference is on the next statement (optimised code maps the fault to the line before)")),
        };
    }

    /// <summary>
    /// Picks the null receiver among <paramref name="suspects"/> (strongest evidence first): the only one with evidence,
    /// one with strong evidence against only weak rivals, or the only candidate at all. Otherwise a decline.
    /// </summary>
    internal static RuleResult? Choose(List<NullSuspect> suspects, string lineText, Evidence throwingEvidence, out NullSuspect? suspect, out bool byElimination)
    {
        suspect = null;
        byElimination = false;
        if (suspects.Count == 0)
        {
            return RuleResult.Decline($"Every receiver on `{lineText}` is provably non-null here.",
                "every receiver on the throwing line is non-null here: checked before use, or the callers pass values that cannot be null", [throwingEvidence]);
        }

        // Evidence below the weak threshold (e.g. "no constructor sets this DTO property") explains but does not single out.
        var withEvidence = suspects.Where(s => s.Weight >= WeakEvidence).ToList();
        if (withEvidence.Count == 1 || withEvidence.Count > 1 && withEvidence[0].Weight >= StrongEvidence && withEvidence[1].Weight < StrongEvidence / 2)
        {
            suspect = withEvidence[0];
            return null;
        }

        if (withEvidence.Count == 0 && suspects.Count == 1)
        {
            suspect = suspects[0];
            byElimination = true;
            return null;
        }

        var names = string.Join(", ", suspects.Select(s => $"`{s.Receiver}`"));
        return RuleResult.Decline($"One of {names} is null on `{lineText}`.",
            $"ambiguous: {names} could each be the null value and nothing tells them apart", [throwingEvidence]);
    }

    internal static NullSuspect Assess(Dereference dereference, CrashSite site, ImmutableArray<AbsenceGuard> guards)
    {
        var model = site.Throwing.SemanticModel;
        var receiver = dereference.Receiver;
        if (NullChecks.IsCheckedBefore(receiver, dereference.Node) || NullOrigins.AlwaysNonNull(receiver, model))
        {
            return new NullSuspect(dereference, ImmutableArray<NullSignal>.Empty, null, true, null);
        }

        var signals = NullOrigins.Explain(receiver, model).ToList();
        var key = AbsenceConventions.KeyOf(receiver, model);
        var checkedBy = key is null ? null : guards.FirstOrDefault(g => g.Key == key && !g.Node.Span.Contains(receiver.Span));
        if (checkedBy is not null)
        {
            signals.Add(new NullSignal(NullSignalKind.CheckedElsewhere, $"{AbsenceConventions.Describe(checkedBy)} checks `{checkedBy.Tested}` for null", StrongEvidence, checkedBy.Node));
        }

        if (model.GetSymbolInfo(AbsenceConventions.Unwrap(receiver)).Symbol is not IParameterSymbol parameter || signals.Count > 0)
        {
            return new NullSuspect(dereference, signals.ToImmutableArray(), key, false, null);
        }

        // A parameter: what do the callers pass?
        var current = parameter;
        for (var i = 0; i < site.Callers.Length; i++)
        {
            if (current.ContainingSymbol is not IMethodSymbol method)
            {
                break;
            }

            var caller = site.Callers[i];
            var argument = CallSites.ArgumentFor(caller, method, current);
            if (argument is null)
            {
                break;
            }

            if (NullOrigins.CannotBeNull(argument, caller.SemanticModel))
            {
                return new NullSuspect(dereference, signals.ToImmutableArray(), key, true, (caller, argument));
            }

            var passed = NullOrigins.Explain(argument, caller.SemanticModel);
            signals.AddRange(passed.Select(s => s with { Description = $"the caller passes `{argument}`: {s.Description}" }));
            if (CallerFallback.Find(caller, argument) is { } fallback)
            {
                signals.Add(new NullSignal(NullSignalKind.CheckedElsewhere,
                    $"the caller passes `{argument}`, which {AbsenceConventions.Describe(fallback.Precedent)} falls back from with `?? {fallback.Fallback}`", StrongEvidence, fallback.Precedent.Node));
            }

            if (signals.Count > 0)
            {
                return new NullSuspect(dereference, signals.ToImmutableArray(), key, false, (caller, argument));
            }

            if (caller.SemanticModel.GetSymbolInfo(AbsenceConventions.Unwrap(argument)).Symbol is not IParameterSymbol outer)
            {
                return new NullSuspect(dereference, signals.ToImmutableArray(), key, false, (caller, argument));
            }

            current = outer;
        }

        return new NullSuspect(dereference, signals.ToImmutableArray(), key, false, null);
    }

    /// <summary>
    /// The fix for <paramref name="suspect"/>: what sibling code establishes (<paramref name="first"/> when the caller found one
    /// already, else <see cref="PlanByCode"/>), weighed with what the documentation, declarations and tests say should happen
    /// (<see cref="NullIntentFixes"/>).
    /// </summary>
    internal static RuleResult Plan(CrashSite site, NullSuspect suspect, bool byElimination, ImmutableArray<AbsenceGuard> guards,
        Evidence throwingEvidence, string use, CancellationToken cancellationToken, RuleResult? first = null) =>
        NullIntentFixes.Weigh(site, suspect, first ?? PlanByCode(site, suspect, byElimination, guards, throwingEvidence, use, cancellationToken), cancellationToken);

    private static RuleResult PlanByCode(CrashSite site, NullSuspect suspect, bool byElimination, ImmutableArray<AbsenceGuard> guards,
        Evidence throwingEvidence, string use, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var receiver = AbsenceConventions.Unwrap(suspect.Receiver);
        var methodName = MemberName(source.Member);
        var origin = suspect.Signals.FirstOrDefault(s => s.Kind != NullSignalKind.CheckedElsewhere) ?? suspect.Signals.FirstOrDefault();
        var rootCause = $"`{receiver}` is null" + (origin is null ? "" : $" ({origin.Description})") + $"; {methodName} {use}";
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        evidence.Add(throwingEvidence);
        foreach (var signal in suspect.Signals.Where(s => s.Node is not null).Take(3))
        {
            AddEvidence(evidence, signal.Node!, Role(signal), site);
        }

        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        if (byElimination)
        {
            reasons.Add(new ConfidenceReason(-0.15, $"`{receiver}` is the only dereference on the line; nothing in the code says why it is null"));
        }

        if (suspect.Signals.Any(s => s.Kind is NullSignalKind.OrDefaultCall or NullSignalKind.AsCast or NullSignalKind.NullableAnnotation or NullSignalKind.TryGetOut or NullSignalKind.NullLiteral))
        {
            reasons.Add(new ConfidenceReason(0.15, $"`{receiver}` is null by design: {origin?.Description}"));
        }

        if (suspect.Signals.Any(s => s.Kind == NullSignalKind.CheckedElsewhere))
        {
            reasons.Add(new ConfidenceReason(0.1, SiblingChecks));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var byDesign = NullOrigins.ByDesign(suspect.Signals);

        // An event or delegate with no subscriber: the idiom is `?.Invoke`.
        if (suspect.Dereference.Kind == DereferenceKind.DelegateInvocation
            && suspect.Dereference.Node is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax } invocation
            && model.GetSymbolInfo(receiver).Symbol is IEventSymbol or IFieldSymbol or IPropertySymbol)
        {
            var isEvent = model.GetSymbolInfo(receiver).Symbol is IEventSymbol;
            var newText = Replace(source.Text, invocation.Span, $"{invocation.Expression}?.Invoke{invocation.ArgumentList}");
            reasons.Add(new ConfidenceReason(isEvent ? 0.3 : 0.1, isEvent ? "raising an event without subscribers is the classic null delegate" : "a delegate field that is not always set"));
            return Fix(rootCause + $" by invoking it while nothing is subscribed.",
                $"`{receiver}` is a {(isEvent ? "event" : "delegate")} invoked directly; `?.Invoke` raises it only when a handler is attached.",
                "null-conditional-invoke", 0.55, reasons, evidence, source, newText, ExpectedOutcome.Propagate);
        }

        // A parameter whose caller passes a value that is absent by design: guard where it originates.
        if (suspect.Origin is { } passed && !guards.Any(g => g.Key == suspect.Key))
        {
            var callerArgument = AbsenceConventions.Unwrap(passed.Argument);
            if (CallerFallback.Find(passed.Caller, passed.Argument) is { } atOrigin)
            {
                return FallbackAtCaller(site, passed.Caller, atOrigin, rootCause, reasons, evidence);
            }

            if (callerArgument.IsKind(SyntaxKind.NullLiteralExpression) || callerArgument.IsKind(SyntaxKind.DefaultLiteralExpression))
            {
                AddEvidence(evidence, passed.Argument, "caller passes null", site);
                rootCause += $"; {MemberName(passed.Caller.Member)} passes `null` for it on purpose";
            }
            else if (passed.Caller.SemanticModel.GetSymbolInfo(callerArgument).Symbol is ILocalSymbol local && NullOrigins.ByDesign(suspect.Signals))
            {
                return GuardAtCaller(site, suspect, passed.Caller, local, rootCause, reasons, evidence);
            }
            else if (NullOrigins.ByDesign(suspect.Signals))
            {
                return RuleResult.Decline(rootCause + $"; {MemberName(passed.Caller.Member)} passes `{passed.Argument}`.",
                    $"the null comes from `{passed.Argument}` in the caller, an expression a guard cannot be placed after without a new variable", evidence.ToImmutable());
            }
        }
        else if (suspect.Origin is null && !byDesign && model.GetSymbolInfo(receiver).Symbol is IParameterSymbol parameter && !guards.Any(g => g.Key == suspect.Key))
        {
            return RuleResult.Decline(rootCause + ".",
                $"`{parameter.Name}` comes from outside the linked frames (external input); whether null is valid there, and what to do then, is unknown",
                evidence.ToImmutable());
        }

        // A collection enumerated by foreach: the same `?? fallback`, or the file's empty-collection idiom.
        if (suspect.Dereference.Kind == DereferenceKind.ForEach
            && ArgumentNullRule.Fallback(site, suspect, guards, byElimination, throwingEvidence, use) is { } emptyFallback)
        {
            return emptyFallback;
        }

        // Sibling code establishes what the dereferenced member is worth when its receiver is absent (`x?.M ?? F`, or a guard
        // returning F whose non-null path returns `x.M`): substitute that value at the expression. An early return would
        // answer F for the whole method, whose result may mean something else entirely.
        var operatorFix = OperatorFix(source, suspect, guards) ?? NamedFallbackFix(source, suspect, guards);
        var valueFix = operatorFix is { Fallback: true } ? operatorFix : PairFix(source, suspect, guards, model) ?? operatorFix;
        if (valueFix is { Fallback: true } || valueFix is not null && !guards.Any(g => g.Key == suspect.Key && g.Node is IfStatementSyntax))
        {
            var fix = valueFix.Value;
            AddEvidence(evidence, fix.Precedent.Node, "sibling fallback", site);
            if (fix.Path is not null)
            {
                AddEvidence(evidence, fix.Path, "sibling non-null path", site);
            }

            // The sibling's check is the evidence for the value itself: counted once, by the more specific reason below.
            reasons.RemoveAll(r => r.Reason == SiblingChecks);
            reasons.Add(new ConfidenceReason(fix.Path is null ? 0.2 : 0.15, fix.Basis));
            if (fix.ByConvention)
            {
                reasons.Add(new ConfidenceReason(-0.15, "no code writes this fallback for this member; its name follows the siblings' naming convention"));
            }

            if (fix.Fallback && fix.Witnesses == 1)
            {
                reasons.Add(new ConfidenceReason(-0.15, $"the fallback is inferred from a single sibling, {AbsenceConventions.Describe(fix.Precedent)}"));
            }

            var why = fix.Path is null
                ? $"`{receiver}` can be null and sibling code handles it with `{fix.Precedent.Node}`; the same operator is applied here."
                : $"`{receiver}` can be null; {AbsenceConventions.Describe(fix.Precedent)} returns `{fix.Precedent.Action.Text}` for `{fix.Path}` when `{fix.Precedent.Tested}` is null, "
                  + $"so `{fix.Precedent.Action.Text}` is the value of that member, not of {MethodName(source)}: the fix substitutes it at the dereference instead of returning early.";
            return Fix(rootCause + $" without the fallback {AbsenceConventions.Describe(fix.Precedent)} uses.", why,
                "null-conditional", 0.5, reasons, evidence, source, fix.Text,
                fix.Value is null ? ExpectedOutcome.Propagate : ExpectedOutcome.Substitutes(fix.Value));
        }

        return GuardHere(site, suspect, guards, byDesign, rootCause, reasons, evidence);
    }

    private static RuleResult GuardHere(CrashSite site, NullSuspect suspect, ImmutableArray<AbsenceGuard> guards, bool byDesign,
        string rootCause, ImmutableArray<ConfidenceReason>.Builder reasons, ImmutableArray<Evidence>.Builder evidence)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var receiver = AbsenceConventions.Unwrap(suspect.Receiver);
        if (!IsGuardable(receiver, model))
        {
            return RuleResult.Decline(rootCause + ".",
                $"`{receiver}` is computed on the line itself; a guard would need a new variable and no sibling code shows a fallback", evidence.ToImmutable());
        }

        var (anchor, after) = Anchor(suspect, model);
        if (anchor is null)
        {
            return RuleResult.Decline(rootCause + ".", $"no statement boundary before the dereference of `{receiver}` to place a guard at", evidence.ToImmutable());
        }

        var plan = AbsenceConventions.PlanGuard(after ? NextOrSelf(anchor) : anchor, model, suspect.Key, guards, byDesign);
        if (plan is null)
        {
            // A sibling answers a value for the same absence, but one that means something for that method alone.
            var member = AbsenceConventions.MemberOf(suspect.Dereference.Node);
            var foreign = guards.FirstOrDefault(g => g.Key == suspect.Key && g.Node is IfStatementSyntax && g.Action.Kind == AbsenceActionKind.Return
                && g.Action.Text is not null && g.Member is not null && g.Member != member);
            if (foreign is not null)
            {
                AddEvidence(evidence, foreign.Node, "sibling guard (not transferable)", site);
                return RuleResult.Decline(rootCause + ".",
                    $"the intended behaviour when `{receiver}` is null cannot be inferred: the fallback `{foreign.Action.Text}` is what {AbsenceConventions.Describe(foreign)} returns "
                    + $"when `{foreign.Tested}` is null, not what {MemberName(member)} returns, and no sibling code gives the value of the member dereferenced here",
                    evidence.ToImmutable());
            }

            return RuleResult.Decline(rootCause + ".",
                $"the intended behaviour when `{receiver}` is null cannot be inferred: no sibling guard, no neutral value for {MemberName(source.Member)} to return",
                evidence.ToImmutable());
        }

        var layout = AbsenceConventions.Layout(source.Root);
        if (plan.Precedent is not null)
        {
            layout = layout.Like(plan.Precedent);
            AddEvidence(evidence, plan.Precedent.Node, "sibling guard", site);
        }

        var condition = layout.NullTest(receiver.ToString());
        var newText = after
            ? GuardWriter.InsertAfter(source.Text, anchor, condition, plan.Action.Statement!, layout)
            : GuardWriter.InsertBefore(source.Text, anchor, condition, plan.Action.Statement!, layout);
        if (newText is null)
        {
            return RuleResult.Decline(rootCause + ".", "the statement to guard shares its line or is not in a block", evidence.ToImmutable());
        }

        reasons.AddRange(plan.Reasons);
        if (plan.Precedent is { } copied && copied.Member != AbsenceConventions.MemberOf(suspect.Dereference.Node)
            && guards.Where(g => g.Key == copied.Key && g.Action == copied.Action).Select(g => g.Member).Distinct().Count() == 1)
        {
            reasons.Add(new ConfidenceReason(-0.05, $"the guard's behaviour is inferred from a single sibling, {AbsenceConventions.Describe(copied)}"));
        }

        var cause = rootCause + (plan.Precedent is not null && plan.Precedent.Key == suspect.Key
            ? $" without the check that {AbsenceConventions.Describe(plan.Precedent)} does."
            : " without checking it.");
        return Fix(cause,
            $"`{receiver}` can be null here; the fix guards it {(after ? "where it is assigned" : "before the dereference")} and does `{plan.Action.Statement}` {plan.Basis}.",
            "null-guard", 0.5, reasons, evidence, source, newText, plan.Action.Outcome);
    }

    private static RuleResult FallbackAtCaller(CrashSite site, LinkedSource caller, CallerFallback fallback, string rootCause,
        ImmutableArray<ConfidenceReason>.Builder reasons, ImmutableArray<Evidence>.Builder evidence)
    {
        var callerName = MemberName(caller.Member);
        AddEvidence(evidence, fallback.Argument, "null originates here", site);
        AddEvidence(evidence, fallback.Precedent.Node, "sibling fallback", site);
        reasons.RemoveAll(r => r.Reason == SiblingChecks);
        reasons.Add(new ConfidenceReason(0.2, $"{AbsenceConventions.Describe(fallback.Precedent)} writes `{fallback.Precedent.Node}` for the same value"));
        if (fallback.Witnesses == 1)
        {
            reasons.Add(new ConfidenceReason(-0.15, $"the fallback is inferred from a single sibling, {AbsenceConventions.Describe(fallback.Precedent)}"));
        }

        foreach (var use in fallback.OtherUses)
        {
            AddEvidence(evidence, use, "the same value is used again here", site);
        }

        var again = fallback.OtherUses.Length switch
        {
            0 => "",
            1 => $" It also uses `{fallback.Argument}` once more, which gets the same fallback.",
            var n => $" It also uses `{fallback.Argument}` {n} more times, which get the same fallback.",
        };

        return Fix(rootCause + $"; {callerName} passes `{fallback.Argument}` without the fallback its siblings use.",
            $"the null originates in {callerName}, which passes `{fallback.Argument}`; {AbsenceConventions.Describe(fallback.Precedent)} handles the same value with "
            + $"`?? {fallback.Fallback}`, so the fix applies that fallback where the value is passed, not in {MemberName(site.Throwing.Member)}, which only received it.{again}",
            "null-coalesce-at-caller", 0.45, reasons, evidence, caller, fallback.Apply(caller.Text),
            ExpectedOutcome.Substitutes(fallback.Fallback));
    }

    private static RuleResult GuardAtCaller(CrashSite site, NullSuspect suspect, LinkedSource caller, ILocalSymbol local, string rootCause,
        ImmutableArray<ConfidenceReason>.Builder reasons, ImmutableArray<Evidence>.Builder evidence)
    {
        var model = caller.SemanticModel;
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        var statement = declaration?.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || statement.SyntaxTree != caller.Root.SyntaxTree || AbsenceConventions.MemberOf(statement) != caller.Member
            || statement.Span.End > caller.LineSpan.Start || caller.Member is null || IsReassigned(local, caller.Member, model))
        {
            return RuleResult.Decline(rootCause + ".", $"`{local.Name}` is not declared once, before the call, in the calling method", evidence.ToImmutable());
        }

        var guards = AbsenceConventions.Find(TypeScope(caller), model);
        var key = LocalKey(local, model);
        var plan = AbsenceConventions.PlanGuard(NextOrSelf(statement), model, key, guards, absenceByDesign: true);
        var callerName = MemberName(caller.Member);
        AddEvidence(evidence, statement, "null originates here", site);
        if (plan is null)
        {
            return RuleResult.Decline(rootCause + $"; {callerName} passes `{local.Name}` without checking it.",
                $"the null originates in {callerName}, but nothing there says what it should do when `{local.Name}` is missing", evidence.ToImmutable());
        }

        var layout = AbsenceConventions.Layout(caller.Root);
        if (plan.Precedent is not null)
        {
            layout = layout.Like(plan.Precedent);
            AddEvidence(evidence, plan.Precedent.Node, "sibling guard", site);
        }

        var newText = GuardWriter.InsertAfter(caller.Text, statement, layout.NullTest(local.Name), plan.Action.Statement!, layout);
        if (newText is null)
        {
            return RuleResult.Decline(rootCause + ".", $"the declaration of `{local.Name}` shares its line with other code", evidence.ToImmutable());
        }

        reasons.Add(new ConfidenceReason(0.1, $"the null originates in {callerName}, where absence is a designed outcome"));
        reasons.AddRange(plan.Reasons);
        return Fix(rootCause + $"; {callerName} passes `{local.Name}` on without checking it.",
            $"{callerName} gets `{local.Name}` from a source that returns null when nothing is found and passes it to {MemberName(site.Throwing.Member)}, which expects a value; the guard goes where the null originates and does `{plan.Action.Statement}` {plan.Basis}.",
            "null-guard", 0.5, reasons, evidence, caller, newText, plan.Action.Outcome);
    }

    private static string? LocalKey(ILocalSymbol local, SemanticModel model)
    {
        var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
        if (declarator?.Initializer?.Value is not { } value)
        {
            return null;
        }

        value = AbsenceConventions.Unwrap(value);
        if (value is AwaitExpressionSyntax awaited)
        {
            value = AbsenceConventions.Unwrap(awaited.Expression);
        }

        return AbsenceConventions.KeyOf(value, model);
    }

    /// <summary>Where the guard goes: after the local's declaration when the value is born in this method, else before the dereferencing statement.</summary>
    internal static (StatementSyntax? Anchor, bool After) Anchor(NullSuspect suspect, SemanticModel model)
    {
        var node = suspect.Dereference.Node;
        var member = AbsenceConventions.MemberOf(node);
        if (member is AnonymousFunctionExpressionSyntax && CapturingLambda(node, suspect, model) is { } lambda)
        {
            // A local of the enclosing method dereferenced inside a lambda (`Where(b => b.Length >= vessel.Length)`): the lambda
            // has no statement to guard before, and runs once per item; the guard goes where the local is declared.
            node = lambda;
            member = AbsenceConventions.MemberOf(lambda.Parent!);
        }

        var statement = node as StatementSyntax ?? node.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || AbsenceConventions.MemberOf(statement) != member)
        {
            return (null, false);
        }

        if (model.GetSymbolInfo(AbsenceConventions.Unwrap(suspect.Receiver)).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } declaration
            && declaration.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax or SwitchSectionSyntax } declaring
            && AbsenceConventions.MemberOf(declaring) == member
            && declaring.Span.End <= statement.SpanStart
            && declaring.Parent!.Span.Contains(statement.Span)
            && !IsReassigned(local, member!, model))
        {
            return (declaring, true);
        }

        // A loop condition is evaluated again on every iteration: a guard before the loop would not cover it.
        if (statement is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax && !(statement is ForStatementSyntax f && f.Declaration?.Span.Contains(node.Span) == true))
        {
            return (null, false);
        }

        return statement.Parent is BlockSyntax or SwitchSectionSyntax ? (statement, false) : (null, false);
    }

    /// <summary>
    /// The outermost lambda around <paramref name="node"/> inside the member that declares the local <paramref name="suspect"/>
    /// dereferences, when that local is captured from an enclosing member; else null.
    /// </summary>
    private static SyntaxNode? CapturingLambda(SyntaxNode node, NullSuspect suspect, SemanticModel model)
    {
        if (model.GetSymbolInfo(AbsenceConventions.Unwrap(suspect.Receiver)).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not { } declaration
            || AbsenceConventions.MemberOf(declaration) is not { } declaring
            || !declaring.Span.Contains(node.Span))
        {
            return null;
        }

        var lambda = AbsenceConventions.MemberOf(node);
        while (lambda is AnonymousFunctionExpressionSyntax && lambda.Parent is { } parent && AbsenceConventions.MemberOf(parent) is { } outer && outer != declaring)
        {
            lambda = outer;
        }

        return lambda is AnonymousFunctionExpressionSyntax && lambda != declaring ? lambda : null;
    }

    private static bool IsReassigned(ILocalSymbol local, SyntaxNode member, SemanticModel model) =>
        member.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Any(a => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Left).Symbol, local));

    internal static StatementSyntax NextOrSelf(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements.SkipWhile(s => s != statement).Skip(1).FirstOrDefault() ?? statement,
        SwitchSectionSyntax section => section.Statements.SkipWhile(s => s != statement).Skip(1).FirstOrDefault() ?? statement,
        _ => statement,
    };

    /// <summary>A receiver a guard can test without evaluating anything twice: a name, or a chain of fields and properties.</summary>
    internal static bool IsGuardable(ExpressionSyntax receiver, SemanticModel model) => receiver switch
    {
        IdentifierNameSyntax => model.GetSymbolInfo(receiver).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol,
        MemberAccessExpressionSyntax access => model.GetSymbolInfo(access).Symbol is IFieldSymbol or IPropertySymbol
            && (access.Expression is ThisExpressionSyntax || IsGuardable(AbsenceConventions.Unwrap(access.Expression), model)
                || model.GetSymbolInfo(access.Expression).Symbol is INamedTypeSymbol),
        _ => false,
    };

    /// <summary>
    /// The operator sibling code uses for the same value: <c>x?.M ?? F</c> (a fallback for <c>x.M</c>, <see cref="ValueFix.Fallback"/>),
    /// or a bare <c>x?.M()</c> for a discarded call.
    /// </summary>
    private static ValueFix? OperatorFix(LinkedSource source, NullSuspect suspect, ImmutableArray<AbsenceGuard> guards)
    {
        if (Chain(suspect) is not { } found)
        {
            return null;
        }

        var (chain, rest) = found;

        var receiverText = suspect.Receiver.ToString();
        var precedents = guards.Where(g => g.Key == suspect.Key && g.Form == GuardForm.ConditionalAccess && g.Portable).ToList();
        foreach (var precedent in precedents)
        {
            var conditional = precedent.Node as ConditionalAccessExpressionSyntax
                ?? (AbsenceConventions.Unwrap(((BinaryExpressionSyntax)precedent.Node).Left) as ConditionalAccessExpressionSyntax);
            if (conditional is null || conditional.WhenNotNull.ToString() != rest)
            {
                continue;
            }

            if (precedent.Action.Kind == AbsenceActionKind.Fallback && chain.Parent is not ExpressionStatementSyntax
                && Fits(source, chain, receiverText, rest, precedent.Action.Text!))
            {
                var witnesses = precedents.Where(p => p.Action.Kind == AbsenceActionKind.Fallback && p.Action.Text == precedent.Action.Text)
                    .Select(p => p.Member).Distinct().Count();
                return new ValueFix(Substitute(source, chain, receiverText, rest, precedent.Action.Text!), precedent, null,
                    $"{AbsenceConventions.Describe(precedent)} writes `{precedent.Node}`", true, witnesses, Value: precedent.Action.Text);
            }

            if (precedent.Action.Kind == AbsenceActionKind.Propagate && chain.Parent is ExpressionStatementSyntax)
            {
                return new ValueFix(Replace(source.Text, chain.Span, $"{receiverText}?{rest}"), precedent, null,
                    $"{AbsenceConventions.Describe(precedent)} writes `{precedent.Node}`", false, 1);
            }
        }

        // A discarded call on an optional collaborator that sibling code always calls through `?.`.
        if (chain.Parent is ExpressionStatementSyntax && precedents.Any(p => p.Action.Kind == AbsenceActionKind.Propagate && p.Node.Parent is ExpressionStatementSyntax))
        {
            var precedent = precedents.First(p => p.Action.Kind == AbsenceActionKind.Propagate && p.Node.Parent is ExpressionStatementSyntax);
            return new ValueFix(Replace(source.Text, chain.Span, $"{receiverText}?{rest}"), precedent, null,
                $"{AbsenceConventions.Describe(precedent)} writes `{precedent.Node}`", false, 1);
        }

        return null;
    }

    /// <summary>
    /// Siblings fall back for other members of the same value by a naming convention (<c>x?.Locale ?? DefaultLocale</c>):
    /// the same convention gives this member's fallback when a symbol of that name exists.
    /// </summary>
    private static ValueFix? NamedFallbackFix(LinkedSource source, NullSuspect suspect, ImmutableArray<AbsenceGuard> guards)
    {
        if (Chain(suspect) is not { } found || found.Chain is not MemberAccessExpressionSyntax chain || chain.Expression != suspect.Receiver
            || chain.Parent is ExpressionStatementSyntax || source.SemanticModel.GetTypeInfo(chain).Type is not { } memberType)
        {
            return null;
        }

        var precedents = guards.Where(g => g.Key == suspect.Key && g.Form == GuardForm.ConditionalAccess && g.Action.Kind == AbsenceActionKind.Fallback
            && !g.Node.Span.Contains(chain.Span)).ToList();
        if (precedents.Count == 0
            || NamedFallback.Find(precedents, chain.Name.Identifier.ValueText, memberType, source.SemanticModel, chain.SpanStart) is not { } named)
        {
            return null;
        }

        var receiver = AbsenceConventions.Unwrap(suspect.Receiver).ToString();
        if (!Fits(source, chain, receiver, found.Tail, named.Text))
        {
            return null;
        }

        return new ValueFix(Substitute(source, chain, receiver, found.Tail, named.Text), named.Precedent, null,
            $"{AbsenceConventions.Describe(named.Precedent)} writes `{named.Precedent.Node}`, and the same naming convention gives `{named.Text}` for `{chain.Name}`",
            true, named.Witnesses, ByConvention: true, Value: named.Text);
    }

    /// <summary>
    /// A sibling that guards the same value with <c>if (x == null) return F;</c> and, on its only other path, returns exactly
    /// the member chain the crash dereferences (<c>return x.M;</c>): F is the value of <c>x.M</c> when <c>x</c> is absent.
    /// </summary>
    private static ValueFix? PairFix(LinkedSource source, NullSuspect suspect, ImmutableArray<AbsenceGuard> guards, SemanticModel model)
    {
        if (Chain(suspect) is not { } found || found.Chain.Parent is ExpressionStatementSyntax || suspect.Key is null)
        {
            return null;
        }

        var (chain, rest) = found;

        var pairs = new List<(AbsenceGuard Guard, ExpressionSyntax Path)>();
        foreach (var guard in guards.Where(g => g.Key == suspect.Key && g.Node is IfStatementSyntax && g.Action.Kind == AbsenceActionKind.Return
                     && g.Action.Text is not null && g.Portable && g.Member is not null && !g.Node.Span.Contains(chain.Span)))
        {
            var returns = guard.Member!.DescendantNodes(n => n == guard.Member || !SourceLocator.IsMember(n))
                .OfType<ReturnStatementSyntax>()
                .Where(r => !guard.Node.Span.Contains(r.Span))
                .ToList();
            if (returns.Count != 1 || returns[0].SpanStart < guard.Node.Span.End || returns[0].Expression is not { } returned)
            {
                continue;
            }

            returned = AbsenceConventions.Unwrap(returned);
            var tested = AbsenceConventions.Unwrap(guard.Tested).ToString();
            var access = returned.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                .FirstOrDefault(a => AbsenceConventions.Unwrap(a.Expression).ToString() == tested);
            if (access is null)
            {
                continue;
            }

            var (theirs, theirRest) = ChainFrom(access);
            if (theirs != returned || theirRest != rest)
            {
                continue;
            }

            pairs.Add((guard, returned));
        }

        // Siblings must agree on the value; two different answers for the same member say nothing.
        var values = pairs.Select(p => p.Guard.Action.Text).Distinct().ToList();
        if (values.Count != 1)
        {
            return null;
        }

        var (precedent, path) = pairs[0];
        if (!Fits(source, chain, suspect.Receiver.ToString(), rest, precedent.Action.Text!))
        {
            return null;
        }

        return new ValueFix(Substitute(source, chain, suspect.Receiver.ToString(), rest, precedent.Action.Text!), precedent, path,
            $"{AbsenceConventions.Describe(precedent)} returns `{precedent.Action.Text}` when `{precedent.Tested}` is null and `{path}` otherwise",
            true, pairs.Select(p => p.Guard.Member).Distinct().Count(), Value: precedent.Action.Text);
    }

    /// <summary>The whole chain hanging off the null receiver (<c>order.Customer.Name.Trim()</c>) and its text after the receiver.</summary>
    private static (ExpressionSyntax Chain, string Tail)? Chain(NullSuspect suspect)
    {
        if (suspect.Dereference.Node is not MemberAccessExpressionSyntax access || access.Expression != suspect.Receiver)
        {
            return null;
        }

        // `?.` cannot sit where a variable is required: assigned, incremented, passed by reference.
        if (access.Ancestors().TakeWhile(a => a is ExpressionSyntax or ArgumentSyntax).Any(a =>
                a is AssignmentExpressionSyntax assignment && assignment.Left.Span.Contains(access.Span)
                || a is PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                || a is ArgumentSyntax { RefKindKeyword.RawKind: not 0 }))
        {
            return null;
        }

        return ChainFrom(access);
    }

    private static (ExpressionSyntax Chain, string Tail) ChainFrom(MemberAccessExpressionSyntax access)
    {
        ExpressionSyntax chain = access;
        while (chain.Parent is MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
               && chain.Parent switch
               {
                   MemberAccessExpressionSyntax m => m.Expression == chain,
                   InvocationExpressionSyntax i => i.Expression == chain,
                   ElementAccessExpressionSyntax e => e.Expression == chain,
                   _ => false,
               })
        {
            chain = (ExpressionSyntax)chain.Parent;
        }

        return (chain, chain.ToString()[(access.Expression.Span.End - chain.SpanStart)..]);
    }

    /// <summary>Whether <c>receiver?rest ?? fallback</c> is well typed where <paramref name="chain"/> stands (<see cref="FallbackTyping"/>).</summary>
    private static bool Fits(LinkedSource source, ExpressionSyntax chain, string receiver, string rest, string fallback) =>
        FallbackTyping.Fits(chain, $"{receiver}?{rest} ?? {fallback}", source.SemanticModel);

    private static SourceText Substitute(LinkedSource source, ExpressionSyntax chain, string receiver, string rest, string fallback)
    {
        var replacement = $"{receiver}?{rest} ?? {fallback}";
        return Replace(source.Text, chain.Span, NeedsParentheses(chain) ? $"({replacement})" : replacement);
    }

    private static string MethodName(LinkedSource source) => MemberName(source.Member);

    private static bool NeedsParentheses(ExpressionSyntax expression) => expression.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax
        or ReturnStatementSyntax or ArrowExpressionClauseSyntax or InterpolationSyntax or ParenthesizedExpressionSyntax)
        && !(expression.Parent is AssignmentExpressionSyntax assignment && assignment.Right == expression);

    internal static SyntaxNode TypeScope(LinkedSource source)
    {
        var token = source.Root.FindToken(Math.Min(source.LineSpan.Start + (source.Text.ToString(source.LineSpan).Length - source.Text.ToString(source.LineSpan).TrimStart().Length), Math.Max(0, source.Root.FullSpan.End - 1)));
        return token.Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().LastOrDefault() as SyntaxNode ?? source.Root;
    }

    internal static string MemberName(SyntaxNode? member) => member switch
    {
        MethodDeclarationSyntax m => $"`{m.Identifier.Text}`",
        LocalFunctionStatementSyntax f => $"`{f.Identifier.Text}`",
        ConstructorDeclarationSyntax c => $"the `{c.Identifier.Text}` constructor",
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax p } => $"`{p.Identifier.Text}`",
        PropertyDeclarationSyntax p => $"`{p.Identifier.Text}`",
        AnonymousFunctionExpressionSyntax l when AbsenceConventions.MemberOf(l.Parent!) is { } outer => $"a lambda in {MemberName(outer)}",
        _ => "the code",
    };

    internal static void AddEvidence(ImmutableArray<Evidence>.Builder evidence, SyntaxNode node, string role, CrashSite site)
    {
        var tree = node.SyntaxTree;
        var linked = new[] { site.Throwing }.Concat(site.Callers).FirstOrDefault(s => s.Root.SyntaxTree == tree);
        if (linked is null)
        {
            return;
        }

        var line = tree.GetText().Lines.GetLineFromPosition(node.SpanStart);
        var item = new Evidence(linked.RelativePath, line.LineNumber + 1, tree.GetText().ToString(line.Span).Trim(), role);
        if (!evidence.Any(e => e.Path == item.Path && e.Line == item.Line))
        {
            evidence.Add(item);
        }
    }

    private static string Role(NullSignal signal) => signal.Kind switch
    {
        NullSignalKind.CheckedElsewhere => "sibling null check",
        NullSignalKind.SetToNull => "set to null",
        NullSignalKind.NotInitialized or NullSignalKind.NullableAnnotation => "declaration",
        _ => "null originates here",
    };

    private static SourceText Replace(SourceText text, TextSpan span, string replacement) => text.WithChanges(new TextChange(span, replacement));

    private static RuleResult Fix(string rootCause, string why, string fixKind, double baseConfidence,
        ImmutableArray<ConfidenceReason>.Builder reasons, ImmutableArray<Evidence>.Builder evidence, LinkedSource file, SourceText newText, ExpectedOutcome? outcome)
    {
        var confidence = Math.Clamp(baseConfidence + reasons.Sum(r => r.Delta), 0.05, 0.95);
        return RuleResult.Fix(rootCause, why, fixKind, Math.Round(confidence, 2),
            [new FileEdit(file.RelativePath, newText.ToString())], reasons.ToImmutable(), evidence.ToImmutable()) with { Outcome = outcome };
    }
}
