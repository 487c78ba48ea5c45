using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// How the callers of the failing method handle its result: a caller that tests it for null
/// (<c>var o = Find(id); if (o == null) …</c>, <c>Find(id) ?? …</c>, <c>Find(id)?.…</c>) expects null for "nothing".
/// Syntax only, in the projects that can see the method; test projects are <see cref="TestIntent"/>'s.
/// </summary>
public static class CallerIntent
{
    public const double Weight = 0.15;

    private const int MaxFiles = 200;

    public static IEnumerable<IntentSignal> Read(IntentQuery query, IMethodSymbol method, IntentLocator locator, CancellationToken cancellationToken)
    {
        if (!MethodShape.Of(query.Member, query.Model).AcceptsNull)
        {
            yield break;
        }

        var home = query.Source.Document.Project;
        var parsed = 0;
        var seen = new HashSet<SyntaxNode>();
        foreach (var project in locator.Solution.Projects.Where(p => p.Id == home.Id || p.ProjectReferences.Any(r => r.ProjectId == home.Id)))
        {
            foreach (var document in project.Documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (parsed >= MaxFiles)
                {
                    yield break;
                }

                var content = document.GetTextAsync(cancellationToken).GetAwaiter().GetResult().ToString();
                if (!content.Contains(method.Name + "(", StringComparison.Ordinal) || content.Contains("[Fact", StringComparison.Ordinal)
                    || content.Contains("[Test", StringComparison.Ordinal))
                {
                    continue;
                }

                parsed++;
                var root = document.GetSyntaxRootAsync(cancellationToken).GetAwaiter().GetResult();
                foreach (var call in root?.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => ExitPaths.MethodName(i) == method.Name) ?? [])
                {
                    var caller = call.Ancestors().FirstOrDefault(Rules.SourceLocator.IsMember);
                    if (caller is null || caller == query.Member || !seen.Add(caller) || NullHandling(call, caller) is not { } handling)
                    {
                        continue;
                    }

                    yield return locator.Signal(IntentKind.Caller, IntentStance.Names, ExpectedOutcome.Returns("null"), Weight, handling);
                }
            }
        }
    }

    /// <summary>The caller's test of the call's result for null, if it makes one.</summary>
    private static SyntaxNode? NullHandling(InvocationExpressionSyntax call, SyntaxNode caller)
    {
        ExpressionSyntax value = call.Parent is AwaitExpressionSyntax awaited ? awaited : call;
        if (value.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Left == value
            || value.Parent is ConditionalAccessExpressionSyntax conditional && conditional.Expression == value)
        {
            return value.Parent;
        }

        if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            return null;
        }

        var name = declarator.Identifier.ValueText;
        return caller.DescendantNodes().Where(n => n.SpanStart > declarator.Span.End).FirstOrDefault(n => n switch
        {
            BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression) =>
                Named(b.Left, name) && b.Right.IsKind(SyntaxKind.NullLiteralExpression) || Named(b.Right, name) && b.Left.IsKind(SyntaxKind.NullLiteralExpression),
            IsPatternExpressionSyntax p => Named(p.Expression, name) && p.Pattern.ToString() is "null" or "not null" or "{ }" or "not { }",
            BinaryExpressionSyntax c when c.IsKind(SyntaxKind.CoalesceExpression) => Named(c.Left, name),
            ConditionalAccessExpressionSyntax a => Named(a.Expression, name),
            _ => false,
        });
    }

    private static bool Named(ExpressionSyntax expression, string name) => AbsenceConventions.Unwrap(expression) is IdentifierNameSyntax id && id.Identifier.ValueText == name;
}
