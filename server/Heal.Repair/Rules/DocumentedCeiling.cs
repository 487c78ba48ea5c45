using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Rules;

/// <summary>
/// An overflowing product in a method whose documentation says its result is never more than a named maximum, and whose
/// own return already caps the result there (<c>return delay &lt; MaxDelay ? delay : MaxDelay;</c>): when the product would
/// exceed the maximum, the method returns the maximum before computing it (Polly's retry-delay fix). The maximum must be a
/// member the documentation names (a <c>cref</c>) that the method reads, of the method's return type; anything else declines.
/// </summary>
public static partial class DocumentedCeiling
{
    public static RuleResult? Apply(LinkedSource source, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (source.Member is not MethodDeclarationSyntax method || model.GetDeclaredSymbol(method, cancellationToken) is not { ReturnType: var returnType })
        {
            return null;
        }

        if (Ceiling(method, model) is not { } ceiling || !SymbolEqualityComparer.Default.Equals(TypeOf(ceiling.Symbol), returnType))
        {
            return null;
        }

        // The expression the method reads the maximum through (`_options.MaxDelay`), and the method's own cap with it.
        var reads = ExitPaths.OwnNodes(method).OfType<IdentifierNameSyntax>()
            .Where(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, ceiling.Symbol))
            .Select(i => i.Parent is MemberAccessExpressionSyntax access && access.Name == i ? (ExpressionSyntax)access : i)
            .ToList();
        var cap = reads.FirstOrDefault(r => r.FirstAncestorOrSelf<ReturnStatementSyntax>() is not null);
        if (cap is null || !RuleKit.IsSimple(cap) || reads.Any(r => r.ToString() != cap.ToString()))
        {
            return null;
        }

        var products = RuleKit.OnLine<BinaryExpressionSyntax>(source)
            .Where(b => b.IsKind(SyntaxKind.MultiplyExpression) && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(b, cancellationToken).Type, returnType))
            .Where(b => b.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression })
            .ToList();
        if (products.Count != 1 || RuleKit.GuardableStatement(products[0]) is not { } statement || !RuleKit.AlwaysEvaluated(products[0], statement)
            || statement.SpanStart > cap.SpanStart)
        {
            return null;
        }

        var product = products[0];
        var would = Exceeds(product, cap, returnType, model);
        if (would is null || !Pure(product, model))
        {
            return null;
        }

        var style = FileStyle.Of(source.Root);
        var text = style.Guard(RuleKit.Indent(source, statement), would, $"return {cap};");
        evidence.Add(RuleKit.Evidence(source, ceiling.Node, "the documentation says the result is never more than the maximum"));
        evidence.Add(RuleKit.Evidence(source, cap.FirstAncestorOrSelf<ReturnStatementSyntax>()!, "the method's own return caps the result at the maximum"));
        return RuleKit.Fix($"`{product}` grows past what `{returnType.ToDisplayString()}` holds before the method gets to cap it at `{cap}`.",
            $"An exponential computation whose result the documentation caps at `{cap}`: once it would exceed the maximum, the answer is the maximum, whether or not the computation itself still fits.",
            "cap-at-documented-maximum",
            [(0.4, "the overflowing product is the value the method caps on return"), (0.3, $"the documentation says the result is never more than `{ceiling.Symbol.Name}`: {ceiling.Text}"),
             (0.15, $"the method's own return already answers `{cap}` for anything larger")],
            evidence, RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, text))) with { Outcome = ExpectedOutcome.Returns(cap.ToString()) };
    }

    /// <summary>
    /// The condition "the product would reach the maximum", computed in <c>double</c> so that it cannot overflow itself:
    /// <c>a.Ticks * b &gt;= max.Ticks</c> for a <c>TimeSpan</c>, <c>(double)a * b &gt;= max</c> for a number.
    /// </summary>
    private static string? Exceeds(BinaryExpressionSyntax product, ExpressionSyntax cap, ITypeSymbol type, SemanticModel model)
    {
        var left = ExitPaths.Unparenthesize(product.Left);
        var right = ExitPaths.Unparenthesize(product.Right);
        if (type.Name == "TimeSpan" && type.ContainingNamespace?.Name == "System")
        {
            var (span, factor) = IsTimeSpan(left, model) ? (left, right) : IsTimeSpan(right, model) ? (right, left) : (null, null);
            return span is null || factor is null ? null : $"{Operand(span)}.Ticks * {Operand(factor)} >= {cap}.Ticks";
        }

        return type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Decimal
            ? $"(double){Operand(left)} * {Operand(right)} >= (double){cap}"
            : null;
    }

    private static bool IsTimeSpan(ExpressionSyntax expression, SemanticModel model) => model.GetTypeInfo(expression).Type is { Name: "TimeSpan" };

    /// <summary>True when evaluating the product once more before it changes nothing: reads, literals and <c>Math</c> calls on them.</summary>
    private static bool Pure(ExpressionSyntax expression, SemanticModel model) => expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
        .All(i => model.GetSymbolInfo(i).Symbol is IMethodSymbol { ContainingType.Name: "Math" })
        && !expression.DescendantNodesAndSelf().Any(n => n is AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } or BaseObjectCreationExpressionSyntax or AwaitExpressionSyntax);

    private static string Operand(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? expression.ToString() : $"({expression})";

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IPropertySymbol p => p.Type,
        IFieldSymbol f => f.Type,
        _ => null,
    };

    /// <summary>The member a <c>returns</c> or <c>summary</c> sentence names as the most the result can be ("never more than &lt;see cref="MaxDelay"/&gt;").</summary>
    private static (ISymbol Symbol, SyntaxNode Node, string Text)? Ceiling(MethodDeclarationSyntax method, SemanticModel model)
    {
        var comment = method.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
        if (comment is null)
        {
            return null;
        }

        foreach (var element in comment.Content.OfType<XmlElementSyntax>().Where(e => e.StartTag.Name.LocalName.ValueText is "returns" or "summary" or "remarks"))
        {
            foreach (var cref in element.DescendantNodes().OfType<XmlCrefAttributeSyntax>())
            {
                // The words just before the cref must make it a ceiling of the result, not any member mentioned.
                var before = element.ToString()[..((cref.Parent ?? cref).SpanStart - element.SpanStart)];
                var sentence = before[(Math.Max(before.LastIndexOf('.'), 0))..];
                if (CeilingWords().IsMatch(sentence) && model.GetSymbolInfo(cref.Cref).Symbol is { Kind: SymbolKind.Property or SymbolKind.Field } symbol)
                {
                    var plain = Regex.Replace(Regex.Replace(element.Content.ToString().Replace("///", " ", StringComparison.Ordinal), "<[^>]+>", symbol.Name), @"\s+", " ").Trim();
                    return (symbol, element, plain.Length > 120 ? plain[..117] + "..." : plain);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(never (more|longer|larger|greater|above) than|no (more|longer|larger|greater) than|at most|capped (at|by)|not (exceed|exceeding)|up to)\s*(<[^>]*>\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CeilingWords();
}
