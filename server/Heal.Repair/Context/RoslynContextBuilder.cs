using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Rules;
using Heal.Repair.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Context;

/// <summary>
/// Gathers what a diagnoser needs to read about a crash, most important first, within a byte budget: the
/// throwing method, the callers' methods on the stack, the methods it calls (two levels deep), the types of
/// the values it uses, and tests that exercise those types. Files a patch may touch are the files of the
/// linked in-app frames and nothing else.
/// </summary>
public sealed class RoslynContextBuilder : IContextBuilder
{
    public const int DefaultBudget = 24 * 1024;

    /// <summary>No single snippet may take more than this share of the budget, so one huge method cannot crowd out the callers.</summary>
    private const int MaxSnippetShare = 3;

    /// <summary>Lines shown around a frame when its enclosing member is unknown (top-level code, a non-C# file).</summary>
    private const int SurroundingLines = 12;

    private readonly WorkspaceProvider _workspaces;
    private readonly int _budget;

    public RoslynContextBuilder(WorkspaceProvider workspaces, int budget = DefaultBudget)
    {
        _workspaces = workspaces;
        _budget = budget;
    }

    public async Task<RepairContext?> BuildAsync(RepairRequest request, CancellationToken cancellationToken)
    {
        var workspace = await _workspaces.GetAsync(request.RepositoryRoot, cancellationToken).ConfigureAwait(false);
        var crash = await CrashSiteBuilder.BuildAsync(workspace, request.Event, cancellationToken).ConfigureAwait(false);
        if (crash.Linked.IsEmpty || request.Event.Culprit is not { } exception)
        {
            return null;
        }

        var snippets = new SnippetBudget(_budget, _budget / MaxSnippetShare);
        if (crash.Site is { } site)
        {
            await CollectAsync(workspace, site, snippets, cancellationToken).ConfigureAwait(false);
        }

        // Frames in files Roslyn does not read (or outside any member) still get their surrounding lines.
        foreach (var frame in crash.Linked.Reverse())
        {
            if (!snippets.Covers(frame.RelativePath, frame.Line) && workspace.Index.ReadText(frame.RelativePath) is { } text)
            {
                var source = SourceText.From(text);
                var first = Math.Max(1, frame.Line - SurroundingLines);
                var last = Math.Min(source.Lines.Count, frame.Line + SurroundingLines);
                snippets.Add(frame.RelativePath, source, first, last, frame.Index == crash.Linked[^1].Index ? "throwing method" : "caller");
            }
        }

        var frames = crash.Linked.Reverse().ToImmutableArray();
        var allowed = frames.Select(f => f.RelativePath).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new RepairContext(request.Event, exception, frames, snippets.ToImmutable(), allowed);
    }

    private static async Task CollectAsync(RepositoryWorkspace workspace, CrashSite site, SnippetBudget snippets, CancellationToken cancellationToken)
    {
        var throwingMember = OuterMember(site.Throwing.Member);
        AddFrame(site.Throwing, throwingMember, "throwing method", snippets);
        foreach (var caller in site.Callers)
        {
            AddFrame(caller, OuterMember(caller.Member), "caller", snippets);
        }

        if (throwingMember is null)
        {
            return;
        }

        // Called methods, one then two levels deep, in the order they appear.
        var calledLevel1 = CalledMethods(throwingMember, site.Throwing.SemanticModel).ToList();
        var typeSymbols = UsedTypes(throwingMember, site.Throwing.SemanticModel).ToList();
        var seen = new HashSet<SyntaxNode> { throwingMember };
        var calledLevel2 = new List<SyntaxNode>();
        foreach (var called in calledLevel1.Where(seen.Add))
        {
            AddNode(workspace, called, "called method", snippets);
            if (workspace.Solution.GetDocument(called.SyntaxTree) is { } document
                && await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model)
            {
                calledLevel2.AddRange(CalledMethods(called, model));
            }
        }

        foreach (var called in calledLevel2.Where(seen.Add))
        {
            AddNode(workspace, called, "called method", snippets);
        }

        var throwingType = throwingMember.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        var typeDeclarations = typeSymbols
            .SelectMany(t => t.DeclaringSyntaxReferences)
            .Select(r => r.GetSyntax(cancellationToken))
            .Where(n => n != throwingType && !n.Contains(throwingMember))
            .Distinct()
            .ToList();
        foreach (var declaration in typeDeclarations)
        {
            AddNode(workspace, declaration, "type", snippets);
        }

        // Tests that mention the crashing type or the types it uses: how the code is meant to behave.
        var typeNames = typeSymbols.Select(t => t.Name)
            .Prepend(throwingType is null ? null : throwingType.Identifier.ValueText)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var test in await TestMethodsAsync(workspace, typeNames, cancellationToken).ConfigureAwait(false))
        {
            AddNode(workspace, test, "test", snippets);
        }
    }

    /// <summary>The frame's member, or the lines around it when it has none (top-level statements, field initialisers).</summary>
    private static void AddFrame(LinkedSource source, SyntaxNode? member, string role, SnippetBudget snippets)
    {
        if (member is not null)
        {
            snippets.Add(source.RelativePath, source.Text, member, role);
        }
        else
        {
            var line = source.Frame.Line;
            snippets.Add(source.RelativePath, source.Text, Math.Max(1, line - SurroundingLines), Math.Min(source.Text.Lines.Count, line + SurroundingLines), role);
        }
    }

    private static void AddNode(RepositoryWorkspace workspace, SyntaxNode node, string role, SnippetBudget snippets)
    {
        if (node.SyntaxTree.FilePath is { Length: > 0 } path && workspace.Index.RelativePathOf(path) is { } relative)
        {
            snippets.Add(relative, node.SyntaxTree.GetText(), node, role);
        }
    }

    /// <summary>The method, constructor, accessor or property a line's innermost member (maybe a lambda) belongs to.</summary>
    private static SyntaxNode? OuterMember(SyntaxNode? member) =>
        member?.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
        ?? member?.AncestorsAndSelf().OfType<LocalFunctionStatementSyntax>().LastOrDefault();

    /// <summary>Declarations in source of the methods and constructors <paramref name="member"/> calls.</summary>
    private static IEnumerable<SyntaxNode> CalledMethods(SyntaxNode member, SemanticModel model)
    {
        foreach (var node in member.DescendantNodes())
        {
            if (node is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
            {
                continue;
            }

            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is IMethodSymbol method)
            {
                foreach (var reference in (method.PartialImplementationPart ?? method.OriginalDefinition).DeclaringSyntaxReferences)
                {
                    yield return reference.GetSyntax();
                }
            }
        }
    }

    /// <summary>Source types of the fields, properties, parameters and locals <paramref name="member"/> uses.</summary>
    private static IEnumerable<INamedTypeSymbol> UsedTypes(SyntaxNode member, SemanticModel model)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var name in member.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var type = model.GetSymbolInfo(name).Symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            foreach (var named in Unwrap(type))
            {
                if (named.DeclaringSyntaxReferences.Length > 0 && seen.Add(named.OriginalDefinition))
                {
                    yield return (INamedTypeSymbol)named.OriginalDefinition;
                }
            }
        }
    }

    /// <summary>The type and its element / type arguments (a <c>List&lt;Order&gt;</c> is about <c>Order</c> too).</summary>
    private static IEnumerable<INamedTypeSymbol> Unwrap(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                foreach (var inner in Unwrap(array.ElementType))
                {
                    yield return inner;
                }

                break;
            case INamedTypeSymbol named:
                yield return named;
                foreach (var argument in named.TypeArguments.SelectMany(Unwrap))
                {
                    yield return argument;
                }

                break;
        }
    }

    /// <summary>Test methods (in files under a test directory or named *Tests.cs) that mention any of the types.</summary>
    private static async Task<List<SyntaxNode>> TestMethodsAsync(RepositoryWorkspace workspace, List<string> typeNames, CancellationToken cancellationToken)
    {
        var found = new List<SyntaxNode>();
        if (typeNames.Count == 0)
        {
            return found;
        }

        var names = typeNames.ToHashSet(StringComparer.Ordinal);
        foreach (var (path, id) in workspace.Documents.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (!path.Contains("test", StringComparison.OrdinalIgnoreCase) || workspace.Solution.GetDocument(id) is not { } document)
            {
                continue;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            found.AddRange(root.DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.DescendantTokens().Any(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && names.Contains(t.ValueText)))
                .Take(2));
            if (found.Count >= 4)
            {
                break;
            }
        }

        return found;
    }
}
