using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Rules;

/// <summary>
/// A change to an enumerated field or property made by code the loop body calls, not by the body itself: a method it calls
/// (directly or a few calls deep) that adds to or removes from it, or, when the body calls something it cannot see into (a
/// delegate, an interface or virtual member, an event), any method outside the type's private surface that does (a
/// subscription's <c>Dispose</c>, an <c>Unsubscribe</c>).
/// </summary>
/// <param name="Site">The call or assignment that changes the collection.</param>
/// <param name="Method">The method it sits in.</param>
/// <param name="Via">How the loop reaches it, for the reviewer: the call in the loop body.</param>
public sealed record CalleeMutation(SyntaxNode Site, IMethodSymbol Method, SyntaxNode Via)
{
    private const int MaxDepth = 4;

    /// <summary>The mutations of <paramref name="collection"/> that the loop body <paramref name="body"/> can reach; empty when none.</summary>
    public static IReadOnlyList<CalleeMutation> Find(SyntaxNode body, ISymbol collection, SemanticModel model, ISet<string> mutators, CancellationToken cancellationToken)
    {
        var sites = MutationSites(collection, model.Compilation, mutators, cancellationToken).ToList();
        if (sites.Count == 0)
        {
            return [];
        }

        var found = new List<CalleeMutation>();
        var calls = body.DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
        foreach (var call in calls)
        {
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol called)
            {
                continue;
            }

            // Code the loop cannot see into may call anything reachable from outside the type.
            if (Opaque(called))
            {
                found.AddRange(sites.Where(s => Reachable(s.Method)).Select(s => new CalleeMutation(s.Site, s.Method, call)));
                continue;
            }

            var reached = Reach(called, model.Compilation, cancellationToken);
            found.AddRange(sites.Where(s => reached.Contains(s.Method.OriginalDefinition)).Select(s => new CalleeMutation(s.Site, s.Method, call)));
        }

        return found.DistinctBy(f => f.Site).ToList();
    }

    /// <summary>Every call or indexer assignment in the compilation's sources that changes <paramref name="collection"/>.</summary>
    private static IEnumerable<(SyntaxNode Site, IMethodSymbol Method)> MutationSites(ISymbol collection, Compilation compilation, ISet<string> mutators, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.GetRoot(cancellationToken).DescendantTokens().Any(t => t.ValueText == collection.Name))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var receiver = node switch
                {
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } when mutators.Contains(member.Name.Identifier.ValueText) => member.Expression,
                    AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } => element.Expression,
                    _ => null,
                };
                if (receiver is null || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol?.OriginalDefinition, collection.OriginalDefinition))
                {
                    continue;
                }

                if (node.Ancestors().Select(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax ? model.GetDeclaredSymbol(a, cancellationToken) : null)
                    .FirstOrDefault(s => s is not null) is IMethodSymbol method)
                {
                    yield return (node, method);
                }
            }
        }
    }

    /// <summary>
    /// A call whose target the code does not fix: a delegate (a handler, a callback, an event), or an interface, abstract or
    /// virtual member the workspace declares (not <c>ToString</c> and the like, which change nothing).
    /// </summary>
    private static bool Opaque(IMethodSymbol method) =>
        method.MethodKind == MethodKind.DelegateInvoke
        || (method.IsAbstract || method.IsVirtual || method.ContainingType?.TypeKind == TypeKind.Interface) && method.Locations.Any(l => l.IsInSource);

    /// <summary>Callable by code outside the type: not private, or implementing an interface (a private class's <c>Dispose</c>).</summary>
    private static bool Reachable(IMethodSymbol method) =>
        method.DeclaredAccessibility != Accessibility.Private
        || method.ExplicitInterfaceImplementations.Length > 0
        || method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers()).Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method));

    /// <summary>The source methods <paramref name="start"/> calls, a few calls deep, itself included.</summary>
    private static HashSet<IMethodSymbol> Reach(IMethodSymbol start, Compilation compilation, CancellationToken cancellationToken)
    {
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { start.OriginalDefinition };
        var frontier = new List<IMethodSymbol> { start.OriginalDefinition };
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var method in frontier)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(cancellationToken);
                    if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                    {
                        continue;
                    }

                    var model = compilation.GetSemanticModel(syntax.SyntaxTree);
                    foreach (var call in syntax.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        if (model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol called && seen.Add(called.OriginalDefinition))
                        {
                            next.Add(called.OriginalDefinition);
                        }
                    }
                }
            }

            frontier = next;
        }

        return seen;
    }
}
