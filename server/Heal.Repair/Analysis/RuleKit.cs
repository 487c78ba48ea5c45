using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>Small shared steps of the rules: finding nodes on the crash line, evidence, speculative binding, edits.</summary>
public static class RuleKit
{
    /// <summary>Nodes of type <typeparamref name="T"/> that overlap the frame's line, in document order.</summary>
    public static IEnumerable<T> OnLine<T>(LinkedSource source)
        where T : SyntaxNode =>
        source.Root.DescendantNodes(source.LineSpan).OfType<T>().Where(n => n.Span.IntersectsWith(source.LineSpan));

    public static Evidence Evidence(LinkedSource source, SyntaxNode node, string role)
    {
        var line = source.Text.Lines.GetLineFromPosition(node.SpanStart);
        return new Evidence(source.RelativePath, line.LineNumber + 1, line.ToString().Trim(), role);
    }

    public static Evidence ThrowingLine(LinkedSource source) =>
        new(source.RelativePath, source.Frame.Line, source.Text.ToString(source.LineSpan).Trim(), "throwing frame");

    public static FileEdit Edit(LinkedSource source, params TextChange[] changes) =>
        new(source.RelativePath, source.Text.WithChanges(changes).ToString());

    /// <summary>True when <paramref name="expressionText"/> binds without errors at <paramref name="position"/> (e.g. an extension method is in scope).</summary>
    public static bool Binds(SemanticModel model, int position, string expressionText)
    {
        var expression = SyntaxFactory.ParseExpression(expressionText);
        var info = model.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression);
        return info.Symbol is not null;
    }

    /// <summary>A local name based on <paramref name="preferred"/> that is free at <paramref name="position"/>.</summary>
    public static string FreeName(SemanticModel model, int position, string preferred, SyntaxNode scope)
    {
        var taken = new HashSet<string>(model.LookupSymbols(position).Select(s => s.Name), StringComparer.Ordinal);
        foreach (var token in scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
        {
            taken.Add(token.ValueText);
        }

        if (SyntaxFacts.GetKeywordKind(preferred) != SyntaxKind.None)
        {
            preferred = "@" + preferred;
        }

        if (!taken.Contains(preferred))
        {
            return preferred;
        }

        for (var i = 2; ; i++)
        {
            if (!taken.Contains(preferred + i))
            {
                return preferred + i;
            }
        }
    }

    /// <summary>A singular noun for what a collection named <paramref name="collectionName"/> holds: <c>_pricesBySku</c> → <c>price</c>.</summary>
    public static string ElementNoun(string collectionName)
    {
        var name = collectionName.TrimStart('_', '@');
        var by = name.IndexOf("By", StringComparison.Ordinal);
        if (by > 0)
        {
            name = name[..by];
        }

        foreach (var suffix in new[] { "Dictionary", "Lookup", "Cache", "Index", "Table", "Map", "Dict", "List", "Array", "Set" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3)
        {
            name = name[..^3] + "y";
        }
        else if ((name.EndsWith("ses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal)) && name.Length > 3)
        {
            name = name[..^2];
        }
        else if (name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) && name.Length > 1)
        {
            name = name[..^1];
        }

        return name.Length == 0 ? "value" : char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>True for expressions that can be evaluated twice or earlier without changing behaviour.</summary>
    public static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or PredefinedTypeSyntax => true,
        MemberAccessExpressionSyntax m => IsSimple(m.Expression),
        ParenthesizedExpressionSyntax p => IsSimple(p.Expression),
        ElementAccessExpressionSyntax e => IsSimple(e.Expression) && e.ArgumentList.Arguments.All(a => IsSimple(a.Expression)),
        _ => false,
    };

    /// <summary>True when <paramref name="node"/> runs every time <paramref name="statement"/> runs (no lambda, short-circuit or conditional between them).</summary>
    public static bool AlwaysEvaluated(SyntaxNode node, StatementSyntax statement)
    {
        for (var child = node; child.Parent is { } parent && child != statement; child = parent)
        {
            switch (parent)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return false;
                case BinaryExpressionSyntax b when (b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression) || b.IsKind(SyntaxKind.CoalesceExpression)) && b.Right == child:
                    return false;
                case ConditionalExpressionSyntax c when c.Condition != child:
                    return false;
                case ConditionalAccessExpressionSyntax c when c.WhenNotNull == child:
                    return false;
                case StatementSyntax s when s != statement:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The statement to insert a guard before: the statement holding <paramref name="node"/>, when it sits in a block.</summary>
    public static StatementSyntax? GuardableStatement(SyntaxNode node)
    {
        var statement = node.FirstAncestorOrSelf<StatementSyntax>();
        return statement?.Parent is BlockSyntax or SwitchSectionSyntax ? statement : null;
    }

    public static TextChange InsertBefore(LinkedSource source, StatementSyntax statement, string linesText) =>
        new(new TextSpan(source.Text.Lines.GetLineFromPosition(statement.SpanStart).Start, 0), linesText);

    public static string Indent(LinkedSource source, SyntaxNode node) => FileStyle.LineIndent(source.Text, node.SpanStart);

    public static RuleResult Fix(string rootCause, string why, string fixKind, IEnumerable<(double Delta, string Reason)> reasons,
        IEnumerable<Evidence> evidence, params FileEdit[] edits)
    {
        var reasonList = reasons.Select(r => new ConfidenceReason(r.Delta, r.Reason)).ToImmutableArray();
        var confidence = Math.Clamp(reasonList.Sum(r => r.Delta), 0, 1);
        return RuleResult.Fix(rootCause, why, fixKind, confidence, edits.ToImmutableArray(), reasonList, evidence.ToImmutableArray());
    }
}
