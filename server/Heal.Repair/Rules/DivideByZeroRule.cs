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
        if (!RuleKit.IsSimple(divisor) || source.Member is null)
        {
            return RuleResult.Decline(rootCause, "the divisor is computed on the spot, so it cannot be tested without evaluating it twice", [.. evidence]);
        }

        var zeroTest = $"{divisor} == 0";
        var sibling = SiblingNeutral(source, cancellationToken);
        if (sibling is not null && node is BinaryExpressionSyntax)
        {
            evidence.Add(RuleKit.Evidence(source, sibling.Value.Node, "sibling division guarded the same way"));
            var inline = $"{zeroTest} ? {sibling.Value.Neutral} : {node}";
            var wrapped = node.Parent is EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or ArgumentSyntax or AssignmentExpressionSyntax
                ? inline : $"({inline})";
            return RuleKit.Fix(rootCause, why, "zero-divisor-guard",
                [(0.55, "integer division by a variable on the throwing line"), (0.3, "another division in this type gives this result for a zero divisor")],
                evidence, RuleKit.Edit(source, new TextChange(node.Span, wrapped)));
        }

        var statement = RuleKit.GuardableStatement(node);
        if (statement is null || !RuleKit.AlwaysEvaluated(node, statement))
        {
            return RuleResult.Decline(rootCause, "the division is not a plain statement of a block, so no guard can be placed before it", [.. evidence]);
        }

        var fallback = AbsenceFallback.Infer(source.Member, statement, model, null, out var whyNot);
        if (fallback is null)
        {
            return RuleResult.Decline(rootCause, whyNot.Replace("the value is missing", "the divisor is zero", StringComparison.Ordinal), [.. evidence]);
        }

        if (fallback.Source is not null)
        {
            evidence.Add(RuleKit.Evidence(source, fallback.Source, "existing result for nothing to compute"));
        }

        var style = FileStyle.Of(source.Root);
        var guard = style.Guard(RuleKit.Indent(source, statement), zeroTest, fallback.Jump);
        return RuleKit.Fix(rootCause, why, "zero-divisor-guard",
            [(0.1, "integer division by a variable on the throwing line"), (fallback.Confidence - 0.1, fallback.Reason)],
            evidence, RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, guard)));
    }

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
