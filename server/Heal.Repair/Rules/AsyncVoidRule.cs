using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// An exception escaping an <c>async void</c> method: nobody can await it, so it is rethrown on the thread pool and
/// takes the process down, and a caller's <c>try</c>/<c>catch</c> never sees it. The fix makes it <c>async Task</c> and
/// awaits it at every call site, when every call site is in the linked files and already in an async method.
/// </summary>
/// <remarks>Event handlers (<c>(object, EventArgs)</c>) must stay <c>async void</c>; overrides and interface members
/// cannot change their signature; methods used as delegates cannot either. Those catch inside the method when its
/// documentation says what a failure does (<see cref="DocumentedFailureCatch"/>) or the type's other async void methods
/// agree on a catch (<see cref="SiblingCatchFix"/>), and decline otherwise.</remarks>
public sealed class AsyncVoidRule : ICrashRule
{
    public string Id => "async-void";

    public bool Matches(CrashSite site) => site.Exception.Mechanism?.Handled != true && AsyncVoid(Outermost(site).Member) is not null;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = Outermost(site);
        if (AsyncVoid(source.Member) is not { } method || source.SemanticModel.GetDeclaredSymbol(method) is not IMethodSymbol symbol)
        {
            return null;
        }

        var name = method.Identifier.Text;
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        NullReferenceRule.AddEvidence(evidence, method, "async void method", site);
        var rootCause = $"The {site.ExceptionName} escapes `{name}`, an `async void` method, so no caller can observe it and it crashes the process.";

        // When it must stay async void, it can still handle the error inside, as the type's other async void methods do.
        // What its documentation says a failure does comes first; the siblings' convention second.
        RuleResult Decline(string reason) =>
            DocumentedFailureCatch.Apply(site, source, method, rootCause, reason, evidence, cancellationToken)
            ?? SiblingCatchFix.Apply(site, source, method, rootCause, reason, evidence, cancellationToken)
            ?? RuleResult.Decline(rootCause, reason, evidence.ToImmutable());
        if (IsEventHandler(symbol))
        {
            return Decline($"`{name}` has an event handler's signature and must stay `async void`; the exception has to be handled inside it");
        }

        if (symbol.IsOverride || symbol.IsVirtual || symbol.IsAbstract || symbol.ExplicitInterfaceImplementations.Length > 0 || ImplementsInterface(symbol))
        {
            return Decline($"`{name}` overrides or implements a member whose signature it cannot change");
        }

        var solution = source.Document.Project.Solution;
        var references = SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).GetAwaiter().GetResult()
            .SelectMany(r => r.Locations)
            .ToList();
        var linked = new[] { site.Throwing }.Concat(site.Callers).GroupBy(s => s.Document.Id).ToDictionary(g => g.Key, g => g.First());
        if (references.Count == 0)
        {
            return Decline($"nothing in the workspace calls `{name}`; whatever invokes it could not await a Task either");
        }

        var changes = new Dictionary<DocumentId, List<TextChange>>();
        var callersWithCatch = 0;
        foreach (var reference in references)
        {
            if (!linked.TryGetValue(reference.Document.Id, out var file))
            {
                return Decline($"`{name}` is called from `{reference.Document.FilePath}`, outside the linked frames, which the patch may not touch");
            }

            var node = file.Root.FindNode(reference.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Expression.Span.Contains(node.Span) && (i.Expression == node || i.Expression is MemberAccessExpressionSyntax m && m.Name == node));
            if (invocation is null || invocation.Parent is not ExpressionStatementSyntax)
            {
                return Decline($"`{name}` is used as a delegate or inside an expression at `{node.Parent}`; changing its return type there needs a person");
            }

            var caller = AbsenceConventions.MemberOf(invocation);
            if (!Awaitables.IsAsync(caller))
            {
                return Decline($"{NullReferenceRule.MemberName(caller)} calls `{name}` but is not async; awaiting there would ripple through its own callers");
            }

            if (invocation.Ancestors().TakeWhile(a => a != caller).OfType<TryStatementSyntax>().Any(t => t.Catches.Count > 0 && t.Block.Span.Contains(invocation.Span)))
            {
                callersWithCatch++;
            }

            NullReferenceRule.AddEvidence(evidence, invocation, "call site", site);
            var awaited = Awaitables.UsesConfigureAwaitFalse(file.Root) ? $"await {invocation}.ConfigureAwait(false)" : $"await {invocation}";
            Add(changes, file.Document.Id, new TextChange(invocation.Span, awaited));
        }

        var declaring = linked[source.Document.Id];
        var returnType = (PredefinedTypeSyntax)method.ReturnType;
        Add(changes, declaring.Document.Id, new TextChange(returnType.Keyword.Span, "Task"));
        var binds = declaring.SemanticModel.GetSpeculativeTypeInfo(method.SpanStart, SyntaxFactory.ParseTypeName("Task"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        if (binds is null || binds.TypeKind == TypeKind.Error)
        {
            Add(changes, declaring.Document.Id, UsingTasks(declaring.Root));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        reasons.Add(new ConfidenceReason(0.1, $"all {references.Count} call site(s) are in async methods of the linked files"));
        if (callersWithCatch > 0)
        {
            reasons.Add(new ConfidenceReason(0.15, "a caller already wraps the call in try/catch, which only works once the call is awaited"));
        }

        var edits = changes.Select(c => new FileEdit(linked[c.Key].RelativePath, linked[c.Key].Text.WithChanges(c.Value.OrderBy(t => t.Span.Start)).ToString()))
            .ToImmutableArray();
        var confidence = Math.Clamp(0.55 + reasons.Sum(r => r.Delta), 0.05, 0.95);
        return RuleResult.Fix(rootCause,
            $"`{name}` is `async void` and not an event handler; as `async Task` awaited by its callers, its exception reaches their error handling instead of the thread pool.",
            "async-task", Math.Round(confidence, 2), edits, reasons.ToImmutable(), evidence.ToImmutable());
    }

    /// <summary>The frame the exception escaped from: the outermost linked one.</summary>
    private static LinkedSource Outermost(CrashSite site) => site.Callers.IsDefaultOrEmpty ? site.Throwing : site.Callers[^1];

    private static MethodDeclarationSyntax? AsyncVoid(SyntaxNode? member) =>
        member is MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax returnType } method
        && returnType.Keyword.IsKind(SyntaxKind.VoidKeyword) && method.Modifiers.Any(SyntaxKind.AsyncKeyword)
            ? method
            : null;

    private static bool IsEventHandler(IMethodSymbol method) =>
        method.Parameters.Length == 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_Object
        && DerivesFromEventArgs(method.Parameters[1].Type);

    private static bool DerivesFromEventArgs(ITypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.Name.EndsWith("EventArgs", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsInterface(IMethodSymbol method) =>
        method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).OfType<IMethodSymbol>()
            .Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method));

    private static TextChange UsingTasks(SyntaxNode root)
    {
        var text = root.SyntaxTree.GetText();
        var newLine = GuardWriter.NewLine(text);
        var usings = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().ToList();
        var before = usings.LastOrDefault(u => u.StaticKeyword.IsKind(SyntaxKind.None) && u.Alias is null
            && string.CompareOrdinal(u.NamespaceOrType.ToString(), "System.Threading.Tasks") < 0);
        if (before is not null)
        {
            var line = text.Lines.GetLineFromPosition(before.Span.End);
            return new TextChange(new TextSpan(line.EndIncludingLineBreak, 0), "using System.Threading.Tasks;" + newLine);
        }

        var first = usings.FirstOrDefault();
        return first is not null
            ? new TextChange(new TextSpan(text.Lines.GetLineFromPosition(first.SpanStart).Start, 0), "using System.Threading.Tasks;" + newLine)
            : new TextChange(new TextSpan(0, 0), "using System.Threading.Tasks;" + newLine + newLine);
    }

    private static void Add(Dictionary<DocumentId, List<TextChange>> changes, DocumentId id, TextChange change)
    {
        if (!changes.TryGetValue(id, out var list))
        {
            changes[id] = list = [];
        }

        list.Add(change);
    }
}
