using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// "Collection was modified; enumeration operation may not execute.": a <c>foreach</c> whose body (or a method of
/// the same type it calls) adds to or removes from the collection being enumerated. The remove-matching pattern
/// becomes <c>RemoveAll</c>/<c>RemoveWhere</c>; anything else iterates over a snapshot (<c>.ToList()</c>).
/// </summary>
public sealed class CollectionModifiedRule : ICrashRule
{
    private static readonly HashSet<string> Mutators = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "Insert", "InsertRange", "Clear",
        "TryAdd", "Push", "Pop", "Enqueue", "Dequeue", "Sort", "Reverse", "AddFirst", "AddLast", "RemoveFirst", "RemoveLast",
    };

    public string Id => "collection-modified";

    public bool Matches(CrashSite site) =>
        site.ExceptionName == "InvalidOperationException"
        && site.Exception.Value?.Contains("Collection was modified", StringComparison.Ordinal) == true;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var loops = source.Root.FindToken(source.LineSpan.Start + (source.Text.ToString(source.LineSpan).Length - source.Text.ToString(source.LineSpan).TrimStart().Length))
            .Parent?.AncestorsAndSelf().OfType<ForEachStatementSyntax>().ToList() ?? [];
        const string rootCauseUnknown = "A collection was changed while a foreach loop was enumerating it.";
        if (loops.Count == 0)
        {
            return RuleResult.Decline(rootCauseUnknown, "no foreach loop encloses the throwing line", [.. evidence]);
        }

        foreach (var loop in loops)
        {
            var collection = loop.Expression;
            var owner = collection is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Keys" or "Values" } view ? view.Expression : collection;
            var mutations = Mutations(loop.Statement, owner, model, cancellationToken).ToList();
            if (mutations.Count == 0)
            {
                continue;
            }

            var rootCause = $"The foreach over `{collection}` changes `{owner}` inside the loop ({string.Join(", ", mutations.Select(m => $"`{m}`").Distinct().Take(2))}), which invalidates the enumerator.";
            foreach (var mutation in mutations.Take(3))
            {
                evidence.Add(RuleKit.Evidence(source, mutation, "modifies the enumerated collection"));
            }

            if (!RuleKit.IsSimple(collection))
            {
                return RuleResult.Decline(rootCause, "the enumerated collection is computed by a call, so which collection to snapshot is unclear", [.. evidence]);
            }

            if (RemoveMatching(loop, collection, model) is { } removeAll)
            {
                return RuleKit.Fix(rootCause, "A foreach that only removes the items matching a condition from the list it enumerates.",
                    "remove-all", [(0.6, "the loop body only removes matching items from the enumerated collection"), (0.3, "RemoveAll does the same in one pass without enumerating")],
                    evidence, RuleKit.Edit(source, new TextChange(loop.Span, removeAll)));
            }

            var changes = new List<TextChange> { new(collection.Span, $"{collection}.ToList()") };
            if (!RuleKit.Binds(model, collection.SpanStart, $"{collection}.ToList()") && RuleKit.UsingLinq(source) is { } usingChange)
            {
                changes.Add(usingChange);
            }

            var adds = mutations.Any(m => m is InvocationExpressionSyntax i && ExitPaths.MethodName(i) is { } name && (name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Insert", StringComparison.Ordinal) || name is "Push" or "Enqueue" or "TryAdd"));
            var reasons = new List<(double, string)> { (0.6, "the loop body changes the collection it enumerates"), (0.25, "iterating over a snapshot lets the body change the original") };
            if (adds)
            {
                reasons.Add((-0.2, "items added during the loop will no longer be visited; check that is intended"));
            }

            return RuleKit.Fix(rootCause, "A foreach whose body changes the collection being enumerated.", "snapshot-enumeration",
                reasons, evidence, RuleKit.Edit(source, [.. changes]));
        }

        if (ThroughCallee(site, loops[0], evidence, cancellationToken) is { } throughCallee)
        {
            return throughCallee;
        }

        return RuleResult.Decline(rootCauseUnknown,
            "no change to the enumerated collection is visible inside the loop, so it is probably modified by another thread or a callback; a snapshot would hide that race",
            [.. evidence]);
    }

    /// <summary>
    /// The loop body calls code (a handler, a callback, a method a few calls deep) that changes the enumerated field or
    /// property. Whether the loop should see such changes is the type's contract, not a pattern: it snapshots only when
    /// the documentation says changes made during the walk take effect from the next pass, and declines otherwise.
    /// Null when no call in the body can reach a change of the collection.
    /// </summary>
    private static RuleResult? ThroughCallee(CrashSite site, ForEachStatementSyntax loop, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var collection = loop.Expression;
        var owner = collection is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Keys" or "Values" } view ? view.Expression : collection;
        if (!RuleKit.IsSimple(collection) || model.GetSymbolInfo(owner, cancellationToken).Symbol is not { } symbol || symbol is not (IFieldSymbol or IPropertySymbol))
        {
            return null;
        }

        var mutations = CalleeMutation.Find(loop.Statement, symbol, model, Mutators, cancellationToken);
        if (mutations.Count == 0)
        {
            return null;
        }

        var locator = new IntentLocator(source);
        foreach (var mutation in mutations.Take(2))
        {
            var (path, line) = locator.Locate(mutation.Site);
            evidence.Add(new Evidence(path, line, IntentLocator.LineText(mutation.Site), $"changes `{owner}`; reached from the loop through `{mutation.Via}`"));
        }

        var first = mutations[0];
        var rootCause = $"The foreach over `{collection}` calls `{first.Via}`, which can reach `{first.Method.Name}` and change `{owner}` ({IntentLocator.LineText(first.Site)}) while the loop is still enumerating it.";
        var loopMethod = source.Member is null ? null : model.GetDeclaredSymbol(source.Member, cancellationToken);
        var documented = new List<ISymbol> { symbol, symbol.ContainingType };
        documented.AddRange(mutations.Select(m => (ISymbol)m.Method));
        documented.AddRange(mutations.Select(m => (ISymbol)m.Method.ContainingType));
        if (loopMethod is not null)
        {
            documented.Insert(0, loopMethod);
        }

        var said = ReentrancyIntent.Read(documented, locator);
        if (said.Count == 0)
        {
            return RuleResult.Decline(rootCause,
                $"nothing in the documentation of `{symbol.Name}`, the loop's method or the code that changes it says whether changes made during the loop should be seen by it or take effect from the next pass, so whether to walk a snapshot is the owner's decision",
                [.. evidence]);
        }

        evidence.AddRange(said.Select(s => s.Sentence.ToEvidence("says what the loop sees of changes made during it")));
        if (said.Select(s => s.Stance).Distinct().Count() > 1)
        {
            return RuleResult.Decline(rootCause, "the documentation says both that changes made during the loop take effect from the next pass and that the loop sees them", [.. evidence]);
        }

        if (said[0].Stance == ReentrancyIntent.Stance.SamePass)
        {
            return RuleResult.Decline(rootCause,
                "the documentation says changes made during the loop are seen by it, so a snapshot would be wrong; walking the live collection safely (by index, with removals) needs a person",
                [.. evidence]);
        }

        // "…unless it was unsubscribed before its turn": a snapshot still holds items removed earlier in the pass, so the
        // loop must already skip them by a test of the item itself.
        if (said.Any(s => s.SkipsRemoved) && !ChecksItem(loop, model, cancellationToken))
        {
            return RuleResult.Decline(rootCause,
                "the documentation says items removed earlier in the pass must be skipped, and the loop does not test its item, so a snapshot alone would still visit them",
                [.. evidence]);
        }

        var changes = new List<TextChange> { new(collection.Span, $"{collection}.ToList()") };
        if (!RuleKit.Binds(model, collection.SpanStart, $"{collection}.ToList()") && RuleKit.UsingLinq(source) is { } usingChange)
        {
            changes.Add(usingChange);
        }

        var fix = RuleKit.Fix(rootCause,
            "A foreach calls code that changes the collection it enumerates; the documentation says such changes take effect from the next pass, which is what walking a snapshot does.",
            "snapshot-enumeration",
            [(0.5, $"`{first.Via}` in the loop body can reach a change of `{owner}`"), (0.3, $"the documentation says changes made during the loop take effect from the next pass: {said[0].Sentence.Text}")],
            evidence, RuleKit.Edit(source, [.. changes]));
        return fix with { Intent = [.. said.Select(s => s.Sentence.ToSignal(null))] };
    }

    /// <summary>Whether the loop body tests the iteration variable (its state, e.g. <c>!item.Disposed</c>) before using it.</summary>
    private static bool ChecksItem(ForEachStatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        var item = model.GetDeclaredSymbol(loop, cancellationToken);
        return loop.Statement.DescendantNodesAndSelf().OfType<IfStatementSyntax>()
            .Any(i => i.Condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Any(n => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, item)));
    }

    /// <summary>Calls and assignments in <paramref name="body"/> (and in same-type methods it calls) that change <paramref name="owner"/>.</summary>
    private static IEnumerable<SyntaxNode> Mutations(SyntaxNode body, ExpressionSyntax owner, SemanticModel model, CancellationToken cancellationToken)
    {
        var ownerSymbol = model.GetSymbolInfo(owner, cancellationToken).Symbol;
        foreach (var node in body.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
                && Mutators.Contains(member.Name.Identifier.ValueText) && SyntaxFactory.AreEquivalent(member.Expression, owner, topLevel: false))
            {
                yield return invocation;
            }
            else if (node is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } assignment
                && SyntaxFactory.AreEquivalent(element.Expression, owner, topLevel: false))
            {
                yield return assignment;
            }
            else if (node is InvocationExpressionSyntax call && ownerSymbol is IFieldSymbol or IPropertySymbol
                && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, ownerSymbol.ContainingType)
                && method.DeclaringSyntaxReferences[0].SyntaxTree == body.SyntaxTree)
            {
                var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
                foreach (var inner in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (inner.Expression is MemberAccessExpressionSyntax innerMember && Mutators.Contains(innerMember.Name.Identifier.ValueText)
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(innerMember.Expression, cancellationToken).Symbol, ownerSymbol))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary><c>foreach (var x in list) { if (cond) { list.Remove(x); } }</c> → <c>list.RemoveAll(x =&gt; cond);</c></summary>
    private static string? RemoveMatching(ForEachStatementSyntax loop, ExpressionSyntax collection, SemanticModel model)
    {
        var body = loop.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : loop.Statement;
        if (body is not IfStatementSyntax { Else: null } ifStatement)
        {
            return null;
        }

        var action = ifStatement.Statement is BlockSyntax { Statements.Count: 1 } inner ? inner.Statements[0] : ifStatement.Statement;
        if (action is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Remove" } remove } invocation }
            || !SyntaxFactory.AreEquivalent(remove.Expression, collection, topLevel: false)
            || invocation.ArgumentList.Arguments.Count != 1
            || invocation.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax removed
            || removed.Identifier.ValueText != loop.Identifier.ValueText)
        {
            return null;
        }

        var type = model.GetTypeInfo(collection).Type;
        var method = type?.GetMembers("RemoveAll").Any() == true ? "RemoveAll" : type?.GetMembers("RemoveWhere").Any() == true ? "RemoveWhere" : null;
        return method is null ? null : $"{collection}.{method}({loop.Identifier.ValueText} => {ifStatement.Condition});";
    }
}
