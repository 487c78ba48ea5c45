using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>ObjectDisposedException</c> where a method disposes a resource with <c>using</c> but returns work that
/// still needs it: a lazily evaluated sequence (deferred LINQ, an iterator) → materialised with <c>.ToList()</c>
/// before disposal; a <c>Task</c> returned without awaiting → the method becomes <c>async</c> and awaits it.
/// Only methods in the linked frames' files (the frames themselves and the methods they call) are considered.
/// Declines when the resource is not created by the method or is itself returned (ownership unclear).
/// </summary>
public sealed class ObjectDisposedRule : ICrashRule
{
    public string Id => "object-disposed";

    public bool Matches(CrashSite site) => site.ExceptionName == "ObjectDisposedException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var linked = new[] { site.Throwing }.Concat(site.Callers).ToList();
        var objectName = ObjectName(site.Exception.Value);
        var rootCause = objectName is null ? "An object was used after it was disposed." : $"A `{objectName}` was used after it was disposed.";
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(site.Throwing) };
        string? ownershipProblem = null;
        foreach (var (source, method) in Candidates(linked, cancellationToken))
        {
            var model = source.SemanticModel;
            foreach (var (resource, scope, usingNode) in Resources(method, model, cancellationToken))
            {
                var escaping = ExitPaths.Returns(method)
                    .Where(r => r.Expression is not null && scope.Span.Contains(r.Span)
                        && r.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                            .Any(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, resource)))
                    .ToList();
                if (escaping.Count == 0)
                {
                    continue;
                }

                var usingEvidence = RuleKit.Evidence(source, usingNode, "using disposes the resource here");
                var declared = model.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol;
                if (escaping.Any(r => ExitPaths.Unparenthesize(r.Expression!) is IdentifierNameSyntax))
                {
                    ownershipProblem = $"`{method.Identifier.ValueText}` returns the `{resource.Name}` it disposes; whether the caller should own it is unclear";
                    continue;
                }

                if (!IsCreation(usingNode))
                {
                    ownershipProblem = $"`{method.Identifier.ValueText}` disposes `{resource.Name}` which it did not create; who owns it is unclear";
                    continue;
                }

                evidence.Add(usingEvidence);
                evidence.AddRange(escaping.Select(r => RuleKit.Evidence(source, r, "returns work that still uses the resource")));
                var cause = $"`{method.Identifier.ValueText}` disposes `{resource.Name}` at the end of its `using` scope but returns {{0}} that still uses it, so it runs after disposal.";
                if (declared is not null && IsSequence(declared.ReturnType) && !method.DescendantNodes().OfType<YieldStatementSyntax>().Any())
                {
                    var returns = escaping.Where(r => !IsMaterialised(model.GetTypeInfo(r.Expression!, cancellationToken).Type)).ToList();
                    if (returns.Count == 0 || !RuleKit.Binds(model, returns[0].Expression!.SpanStart, "new int[0].ToList()") && RuleKit.UsingLinq(source) is null)
                    {
                        continue;
                    }

                    var changes = returns.Select(r => new TextChange(new TextSpan(r.Expression!.Span.End, 0), ".ToList()")).ToList();
                    if (ExitPaths.Unparenthesize(returns[0].Expression!) is not InvocationExpressionSyntax and not MemberAccessExpressionSyntax and not IdentifierNameSyntax)
                    {
                        changes = returns.Select(r => new TextChange(r.Expression!.Span, $"({r.Expression}).ToList()")).ToList();
                    }

                    if (!RuleKit.Binds(model, method.SpanStart, "new int[0].ToList()") && RuleKit.UsingLinq(source) is { } usingLinq)
                    {
                        changes.Add(usingLinq);
                    }

                    return RuleKit.Fix(string.Format(System.Globalization.CultureInfo.InvariantCulture, cause, "a lazily evaluated sequence"),
                        "A method disposes a resource with `using` and returns a deferred sequence built on it; the sequence is enumerated after disposal.",
                        "materialise-before-dispose",
                        [(0.5, "a deferred sequence over a `using` resource is returned"), (0.3, "the method creates the resource, so it owns it; materialising keeps that ownership")],
                        evidence, RuleKit.Edit(source, [.. changes]));
                }

                if (declared is not null && !declared.IsAsync && IsGenericTask(declared.ReturnType) && declared.Parameters.All(p => p.RefKind == RefKind.None))
                {
                    var allReturns = ExitPaths.Returns(method).Where(r => r.Expression is not null).ToList();
                    var changes = allReturns.Select(r => new TextChange(new TextSpan(r.Expression!.SpanStart, 0), "await ")).ToList();
                    changes.Add(new TextChange(new TextSpan(method.ReturnType.SpanStart, 0), "async "));
                    return RuleKit.Fix(string.Format(System.Globalization.CultureInfo.InvariantCulture, cause, "a task"),
                        "A method disposes a resource with `using` and returns a task that still uses it without awaiting it; the resource is disposed while the task runs.",
                        "await-before-dispose",
                        [(0.5, "a task over a `using` resource is returned without await"), (0.3, "awaiting inside the using scope keeps the resource alive until the task ends")],
                        evidence, RuleKit.Edit(source, [.. changes]));
                }

                // `using var stream = …; return new StreamReader(stream);`: the returned object owns the resource from now on.
                if (declared is not null && usingNode.Parent?.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0, Declaration.Variables.Count: 1 } usingDeclaration
                    && OwnershipTransfer.Find(source, usingDeclaration, resource, escaping, declared.ReturnType, model, cancellationToken) is { } transfer)
                {
                    if (transfer.Evidence is null)
                    {
                        ownershipProblem = transfer.Problem;
                        continue;
                    }

                    evidence.Add(usingEvidence);
                    evidence.AddRange(escaping.Select(r => RuleKit.Evidence(source, r, "returns an object built on the resource")));
                    evidence.Add(transfer.Evidence);
                    // `using var` and `await using var` lose their keywords; the declaration stays.
                    var removal = new TextChange(TextSpan.FromBounds(usingDeclaration.SpanStart, usingDeclaration.Declaration.SpanStart), "");
                    return RuleKit.Fix(string.Format(System.Globalization.CultureInfo.InvariantCulture, cause, $"a `{transfer.Wrapper}`"),
                        $"A method creates a resource, wraps it in the `{transfer.Wrapper}` it returns, and disposes it on the way out; the wrapper disposes the resource itself, so ownership passes to whoever disposes the wrapper.",
                        "transfer-ownership",
                        [(0.45, "the returned object is built on a resource the method disposes"), (0.3, transfer.Reason)],
                        evidence, RuleKit.Edit(source, removal));
                }
            }
        }

        return RuleResult.Decline(rootCause,
            ownershipProblem ?? "no method in the linked files disposes a resource with `using` while returning work that still uses it, so who should keep it alive is unclear",
            [.. evidence]);
    }

    /// <summary>Methods of the linked frames, and the methods they call that are declared in the linked files.</summary>
    private static IEnumerable<(LinkedSource Source, MethodDeclarationSyntax Method)> Candidates(List<LinkedSource> linked, CancellationToken cancellationToken)
    {
        var byTree = linked.GroupBy(l => l.Root.SyntaxTree).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<MethodDeclarationSyntax>();
        foreach (var source in linked)
        {
            var method = source.Member?.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (method is null)
            {
                continue;
            }

            if (seen.Add(method))
            {
                yield return (source, method);
            }

            foreach (var invocation in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (source.SemanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called)
                {
                    continue;
                }

                foreach (var reference in called.DeclaringSyntaxReferences)
                {
                    if (byTree.TryGetValue(reference.SyntaxTree, out var owner) && reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration && seen.Add(declaration))
                    {
                        yield return (owner, declaration);
                    }
                }
            }
        }
    }

    /// <summary>Locals disposed by <c>using</c> in the method, with the region where they are alive.</summary>
    private static IEnumerable<(ILocalSymbol Resource, SyntaxNode Scope, SyntaxNode Using)> Resources(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in ExitPaths.OwnNodes(method))
        {
            var (declaration, scope) = node switch
            {
                LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } local => (local.Declaration, local.Parent),
                UsingStatementSyntax { Declaration: { } used } statement => (used, (SyntaxNode?)statement),
                _ => (null, null),
            };
            if (declaration is null || scope is null)
            {
                continue;
            }

            foreach (var variable in declaration.Variables)
            {
                if (model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol symbol)
                {
                    yield return (symbol, scope, variable);
                }
            }
        }
    }

    /// <summary>The resource is made here (<c>new</c>, a factory or <c>await</c>ed call), not borrowed from a field or parameter.</summary>
    private static bool IsCreation(SyntaxNode variable) =>
        variable is VariableDeclaratorSyntax { Initializer.Value: var value }
        && ExitPaths.Unparenthesize(value) is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax or AwaitExpressionSyntax;

    private static bool IsSequence(ITypeSymbol type) =>
        type is INamedTypeSymbol named
        && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    private static bool IsMaterialised(ITypeSymbol? type) =>
        type is IArrayTypeSymbol || type is INamedTypeSymbol { Name: "List" or "HashSet" or "Dictionary" or "ImmutableArray" or "ImmutableList" };

    private static bool IsGenericTask(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: true, ContainingNamespace.Name: "Tasks" };

    private static string? ObjectName(string? message)
    {
        const string marker = "Object name: '";
        var start = message?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var end = message!.IndexOf('\'', start + marker.Length);
        return end > start ? message[(start + marker.Length)..end] : null;
    }
}
