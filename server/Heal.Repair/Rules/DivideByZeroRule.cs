using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>DivideByZeroException</c> from integer or decimal division or modulo: guards the divisor with the neutral
/// result the code already uses (a sibling's <c>d == 0 ? x : …</c>, the method's "nothing" exit, its documentation,
/// a nullable return), or declines.
/// </summary>
public sealed class DivideByZeroRule : ICrashRule
{
    public string Id => "divide-by-zero";

    public bool Matches(CrashSite site) => site.ExceptionName == "DivideByZeroException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var divisions = RuleKit.OnLine<ExpressionSyntax>(source)
            .Select(e => e switch
            {
                BinaryExpressionSyntax b when b.IsKind(SyntaxKind.DivideExpression) || b.IsKind(SyntaxKind.ModuloExpression) => (Node: e, Divisor: b.Right),
                AssignmentExpressionSyntax a when a.IsKind(SyntaxKind.DivideAssignmentExpression) || a.IsKind(SyntaxKind.ModuloAssignmentExpression) => (Node: e, Divisor: a.Right),
                _ => (Node: (ExpressionSyntax?)null, Divisor: (ExpressionSyntax?)null),
            })
            .Where(d => d.Node is not null && Throws(model.GetTypeInfo(d.Node, cancellationToken).Type)
                && model.GetConstantValue(d.Divisor!, cancellationToken) is not { HasValue: true, Value: not 0 and not 0L and not 0m })
            .ToList();
        if (divisions.Count != 1)
        {
            return RuleResult.Decline("An integer or decimal was divided by zero.",
                divisions.Count == 0 ? "no integer or decimal division by a variable was found on the throwing line"
                    : "several divisions share the throwing line, so the one by zero is unclear", [.. evidence]);
        }

        var (node, divisor) = (divisions[0].Node!, ExitPaths.Unparenthesize(divisions[0].Divisor!));
        var rootCause = $"`{node}` divides by `{divisor}`, which was zero; integer and decimal division throw on a zero divisor.";
        var why = "A division whose divisor can be zero (an empty count, an unset size); the code around shows the neutral result for that case.";
        if (!IsPureArithmetic(divisor) || source.Member is null)
        {
            // Computed once into a local before its statement, the divisor can be tested like any other.
            var hoist = source.Member is null ? null : LocalHoist.Of(source.Root, divisor, model, "divisor", out _);
            return RewrittenSite.Retry(this, site, hoist, cancellationToken) ?? RuleResult.Decline(rootCause, "the divisor is computed on the spot, so it cannot be tested without evaluating it twice", [.. evidence]);
        }

        var zeroTest = $"{divisor} == 0";
        var statement = RuleKit.GuardableStatement(node);
        var resultType = model.GetTypeInfo(node, cancellationToken).Type;
        var query = new IntentQuery(FailureCondition.ZeroDivisor, site, source, node)
        {
            Anchor = statement,
            Symbol = model.GetSymbolInfo(divisor, cancellationToken).Symbol,
            ValueType = resultType,
        };
        var intent = IntentAnalysis.Collect(query, cancellationToken);
        if (SiblingNeutral(source, cancellationToken) is { } sibling)
        {
            intent = intent.With([IntentFixes.Signal(source, IntentKind.Sibling, ExpectedOutcome.Substitutes(sibling.Neutral), 0.35, sibling.Node)]);
        }

        const string Basis = "integer or decimal division by a variable on the throwing line";
        var candidates = new List<RuleCandidate>();
        var whyNot = new List<string>();
        var returned = node.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax;

        // A result for a zero divisor in place of the division (`d == 0 ? x : n / d`), which the method returns when it returns the division.
        if (node is BinaryExpressionSyntax)
        {
            // A named return is written as a guard when there is a statement to put it before (the code's own form for an exit).
            var guardable = statement is not null && RuleKit.AlwaysEvaluated(node, statement);
            foreach (var outcome in intent.Named.Where(o => o.Kind == OutcomeKind.Substitute || o.Kind == OutcomeKind.Return && returned && !guardable && o.Value is not null))
            {
                // A returned division takes the method's type: `int? F() => d == 0 ? null : n / d` is target-typed.
                if (resultType is null || !OutcomeStatement.Converts(outcome.Value!, new MethodShape(null, true, resultType, false), node, model)
                    && !(returned && OutcomeStatement.Converts(outcome.Value!, MethodShape.Of(source.Member, model), node, model)))
                {
                    whyNot.Add($"`{outcome.Value}` is not a value of the division's type");
                    continue;
                }

                var inline = $"{zeroTest} ? {outcome.Value} : {node}";
                var wrapped = node.Parent is EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or ArgumentSyntax or AssignmentExpressionSyntax
                    ? inline : $"({inline})";
                var substituted = ExpectedOutcome.Substitutes(outcome.Value!);
                var alsoReturns = returned ? ExpectedOutcome.Returns(outcome.Value) : null;
                candidates.Add(RuleCandidate.Scored("zero-divisor-guard", $"`{inline}`: {outcome.Describe()} for a zero divisor", substituted, BaseScore, Basis, intent,
                    [RuleKit.Edit(source, new TextChange(node.Span, wrapped))], IntentFixes.EvidenceOf(intent.Supporting(substituted, alsoReturns)), why: why, alsoRealises: alsoReturns));
            }
        }

        // An exit for a zero divisor (the method's own "nothing" exit, a documented result, skip or throw): a guard before the statement.
        if (statement is not null && RuleKit.AlwaysEvaluated(node, statement))
        {
            foreach (var (outcome, jump) in IntentFixes.Statements(intent, source.Member, statement, model, null, whyNot))
            {
                if (candidates.Any(c => c.AlsoRealises?.SameAs(outcome) == true))
                {
                    continue;
                }

                var guard = FileStyle.Of(source.Root).Guard(RuleKit.Indent(source, statement), zeroTest, jump);
                candidates.Add(RuleCandidate.Scored("zero-divisor-guard", $"guard `{zeroTest}` and {outcome.Describe()}", outcome, BaseScore, Basis, intent,
                    [RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, guard))], IntentFixes.EvidenceOf(intent.Supporting(outcome)), why: why));
            }
        }
        else
        {
            whyNot.Add("the division is not a plain statement of a block, so no guard can be placed before it");
        }

        return CandidateChoice.Choose(rootCause, candidates, evidence, intent, IntentFixes.NothingNamed(intent, whyNot, "the divisor is zero"));
    }

    /// <summary>
    /// A divisor that can be tested without a second evaluation changing anything: a simple name or member, or sums,
    /// differences and products of them (<c>a.Count * b.Size</c>).
    /// </summary>
    private static bool IsPureArithmetic(ExpressionSyntax expression) => ExitPaths.Unparenthesize(expression) switch
    {
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.MultiplyExpression) || b.IsKind(SyntaxKind.AddExpression) || b.IsKind(SyntaxKind.SubtractExpression)
            => IsPureArithmetic(b.Left) && IsPureArithmetic(b.Right),
        var e => RuleKit.IsSimple(e),
    };

    /// <summary>The pattern alone (a division that can throw) before any evidence of what a zero divisor means.</summary>
    private const double BaseScore = 0.45;

    private static bool Throws(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16
        or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Decimal;

    /// <summary>The result this type's other code gives for a zero divisor: <c>d == 0 ? x : n / d</c> or <c>d &gt; 0 ? n / d : x</c>.</summary>
    private static (string Neutral, SyntaxNode Node)? SiblingNeutral(LinkedSource source, CancellationToken cancellationToken)
    {
        var type = source.Member?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return null;
        }

        var found = new List<(string, SyntaxNode)>();
        foreach (var conditional in type.DescendantNodes().OfType<ConditionalExpressionSyntax>())
        {
            if (ExitPaths.Unparenthesize(conditional.Condition) is not BinaryExpressionSyntax test
                || test.Right is not LiteralExpressionSyntax { Token.ValueText: "0" })
            {
                continue;
            }

            var (whenZero, whenNot) = test.Kind() switch
            {
                SyntaxKind.EqualsExpression => (conditional.WhenTrue, conditional.WhenFalse),
                SyntaxKind.NotEqualsExpression or SyntaxKind.GreaterThanExpression => (conditional.WhenFalse, conditional.WhenTrue),
                _ => (null, null),
            };
            if (whenZero is not null && whenNot!.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>()
                    .Any(b => (b.IsKind(SyntaxKind.DivideExpression) || b.IsKind(SyntaxKind.ModuloExpression)) && SyntaxFactory.AreEquivalent(b.Right, test.Left, topLevel: false))
                && ExitPaths.IsNeutralValue(whenZero))
            {
                found.Add((whenZero.ToString(), conditional));
            }
        }

        _ = cancellationToken;
        var distinct = found.DistinctBy(f => f.Item1).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }
}
