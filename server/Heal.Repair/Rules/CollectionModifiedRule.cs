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
            if (!RuleKit.Binds(model, collection.SpanStart, $"{collection}.ToList()") && UsingLinq(source) is { } usingChange)
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

        return RuleResult.Decline(rootCauseUnknown,
            "no change to the enumerated collection is visible inside the loop, so it is probably modified by another thread or a callback; a snapshot would hide that race",
            [.. evidence]);
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

    /// <summary>Adds <c>using System.Linq;</c> in order among the file's usings.</summary>
    private static TextChange? UsingLinq(LinkedSource source)
    {
        if (source.Root is not CompilationUnitSyntax unit)
        {
            return null;
        }

        var newLine = FileStyle.Of(source.Root).NewLine;
        var usings = unit.Usings;
        if (usings.Count == 0)
        {
            return new TextChange(new TextSpan(unit.Members.FirstOrDefault()?.FullSpan.Start ?? 0, 0), $"using System.Linq;{newLine}{newLine}");
        }

        var after = usings.LastOrDefault(u => string.CompareOrdinal(u.Name?.ToString(), "System.Linq") < 0 && u.Name?.ToString().StartsWith("System", StringComparison.Ordinal) == true);
        if (after is null)
        {
            var before = usings.FirstOrDefault(u => u.Name?.ToString().StartsWith("System", StringComparison.Ordinal) == true) ?? usings[0];
            return new TextChange(new TextSpan(before.SpanStart, 0), $"using System.Linq;{newLine}");
        }

        var line = source.Text.Lines.GetLineFromPosition(after.Span.End);
        return new TextChange(new TextSpan(line.EndIncludingLineBreak, 0), $"using System.Linq;{newLine}");
    }
}
