using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>When code runs and what it changes, as far as an edit that moves it needs to know.</summary>
public static class Evaluation
{
    /// <summary>
    /// True when <paramref name="node"/> runs exactly when <paramref name="top"/> runs: no lambda, short-circuit, conditional,
    /// conditional access, switch arm or nested statement between them.
    /// </summary>
    public static bool Always(SyntaxNode node, SyntaxNode top)
    {
        for (var child = node; child != top; child = child.Parent)
        {
            if (child.Parent is not { } parent)
            {
                return false;
            }

            switch (parent)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or SwitchExpressionArmSyntax:
                    return parent == top;
                case BinaryExpressionSyntax b when (b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression) || b.IsKind(SyntaxKind.CoalesceExpression)) && b.Right == child:
                case AssignmentExpressionSyntax a when a.IsKind(SyntaxKind.CoalesceAssignmentExpression) && a.Right == child:
                case ConditionalExpressionSyntax c when c.Condition != child:
                case ConditionalAccessExpressionSyntax c2 when c2.WhenNotNull == child:
                    return false;
                case StatementSyntax s when s != top:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when evaluating <paramref name="expression"/> may change state or run code of unknown effect: calls (except
    /// <c>nameof</c>), object creation, assignment, increments, <c>await</c>, indexers, <c>with</c>, <c>throw</c>, queries.
    /// Lambda bodies count as not run.
    /// </summary>
    public static bool HasEffects(SyntaxNode expression) =>
        expression.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax).Any(n => n switch
        {
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => false,
            InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax
                or ElementAccessExpressionSyntax or ElementBindingExpressionSyntax or WithExpressionSyntax or ThrowExpressionSyntax
                or QueryExpressionSyntax or StackAllocArrayCreationExpressionSyntax => true,
            PrefixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression),
            _ => false,
        });

    /// <summary>
    /// True when evaluating <paramref name="expression"/> before <paramref name="statement"/> (instead of where it stands in it)
    /// gives the same results: whatever the statement evaluates before it changes nothing, and, when the expression itself
    /// has effects, reads nothing it could change (only literals, constants, readonly fields, types, and locals it does not write and no
    /// lambda captures).
    /// </summary>
    public static bool CanRunFirst(ExpressionSyntax expression, StatementSyntax statement, SemanticModel model)
    {
        var before = statement.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax && n != expression)
            .OfType<ExpressionSyntax>()
            .Where(e => e.Span.End <= expression.SpanStart)
            .ToList();
        if (before.Any(HasEffects))
        {
            return false;
        }

        // A value declared by the statement itself (`out var n`, a pattern, an earlier declarator) does not exist before it.
        var flow = model.AnalyzeDataFlow(expression);
        if (flow is null || !flow.Succeeded || flow.ReadInside.Any(s => s.Locations.Any(l => l.SourceTree == statement.SyntaxTree
                && statement.Span.Contains(l.SourceSpan) && !expression.Span.Contains(l.SourceSpan))))
        {
            return false;
        }

        if (!HasEffects(expression))
        {
            return true;
        }

        var member = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax);
        var captured = member is null ? [] : Captured(member, model);
        foreach (var name in before.OfType<SimpleNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(name).Symbol;
            var safe = symbol switch
            {
                ILocalSymbol { RefKind: RefKind.None } local => !flow.WrittenInside.Contains(local, SymbolEqualityComparer.Default) && !captured.Contains(local),
                IParameterSymbol { RefKind: RefKind.None } parameter => !flow.WrittenInside.Contains(parameter, SymbolEqualityComparer.Default) && !captured.Contains(parameter),
                IFieldSymbol { IsConst: true } or IFieldSymbol { IsReadOnly: true } => true,
                INamedTypeSymbol or INamespaceSymbol => true,
                _ => false,
            };
            if (!safe)
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<ISymbol> Captured(SyntaxNode member, SemanticModel model)
    {
        var body = member switch
        {
            BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody?.Expression,
            LocalFunctionStatementSyntax l => (SyntaxNode?)l.Body ?? l.ExpressionBody?.Expression,
            AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody?.Expression,
            AnonymousFunctionExpressionSyntax f => f.Body,
            _ => null,
        };
        var flow = body switch
        {
            BlockSyntax block => model.AnalyzeDataFlow(block),
            ExpressionSyntax e => model.AnalyzeDataFlow(e),
            _ => null,
        };
        return flow is { Succeeded: true } ? new HashSet<ISymbol>(flow.Captured, SymbolEqualityComparer.Default) : [];
    }
}
