using System.Collections.Immutable;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// The code a stack frame's line runs: the expressions of the statements starting on the line (for an <c>if</c>
/// or a loop, only its header), without the bodies of lambdas and local functions, which run in frames of their own.
/// </summary>
public static class LineCode
{
    /// <summary>The evaluated nodes of the frame's line, outermost first.</summary>
    public static ImmutableArray<SyntaxNode> Nodes(LinkedSource source)
    {
        var regions = SourceLocator.StatementsOnLine(source.Root, source.LineSpan)
            .Where(s => source.Member is null || s.Ancestors().FirstOrDefault(SourceLocator.IsMember) == source.Member)
            .SelectMany(Regions)
            .ToList();
        if (regions.Count == 0)
        {
            // A line inside a multi-line expression (a fluent chain, a lambda's expression body): take what is on it.
            var inner = source.Root.DescendantNodes(source.LineSpan)
                .Where(n => source.LineSpan.Contains(n.Span) && n is ExpressionSyntax)
                .Where(n => source.Member is null || n.Ancestors().FirstOrDefault(SourceLocator.IsMember) == source.Member)
                .ToList();
            regions.AddRange(inner.Where(n => !inner.Any(o => o != n && o.Span.Contains(n.Span))));
        }

        return regions
            .SelectMany(r => r.DescendantNodesAndSelf(n => n == r || !SourceLocator.IsMember(n)))
            .Where(n => !SourceLocator.IsMember(n))
            .Distinct()
            .ToImmutableArray();
    }

    /// <summary>The dereferences on the frame's line whose receiver is not obviously non-null.</summary>
    public static ImmutableArray<Dereference> Dereferences(LinkedSource source)
    {
        var model = source.SemanticModel;
        var found = ImmutableArray.CreateBuilder<Dereference>();
        foreach (var node in Nodes(source))
        {
            var dereference = node switch
            {
                MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && !IsExtensionCall(access, model)
                    => new Dereference(DereferenceKind.MemberAccess, access.Expression, access),
                ElementAccessExpressionSyntax element => new Dereference(DereferenceKind.ElementAccess, element.Expression, element),
                ForEachStatementSyntax loop => new Dereference(DereferenceKind.ForEach, loop.Expression, loop),
                CastExpressionSyntax cast when IsUnboxing(cast, model) => new Dereference(DereferenceKind.Unboxing, cast.Expression, cast),
                AwaitExpressionSyntax awaited when AbsenceConventions.Unwrap(awaited.Expression) is not InvocationExpressionSyntax
                    => new Dereference(DereferenceKind.Await, awaited.Expression, awaited),
                InvocationExpressionSyntax invocation when IsDelegateInvocation(invocation, model)
                    => new Dereference(DereferenceKind.DelegateInvocation, invocation.Expression, invocation),
                _ => null,
            };
            if (dereference is not null && !NullOrigins.CannotBeNull(dereference.Receiver, model)
                && AbsenceConventions.Unwrap(dereference.Receiver) is not MemberBindingExpressionSyntax and not ElementBindingExpressionSyntax
                && !IsNameof(node))
            {
                found.Add(dereference);
            }
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// Optimised (Release) builds keep fewer sequence points, so a frame's line can name the statement before the one that
    /// faulted. When the line only declares locals, this is the next statement of the same block, provided it uses one of
    /// those locals: the value born on the reported line is the one the next statement consumes. Null otherwise.
    /// </summary>
    public static (LinkedSource Source, ImmutableArray<ILocalSymbol> Locals)? NextStatementUsingLocals(LinkedSource source)
    {
        var statements = SourceLocator.StatementsOnLine(source.Root, source.LineSpan)
            .Where(s => source.Member is null || s.Ancestors().FirstOrDefault(SourceLocator.IsMember) == source.Member)
            .ToList();
        if (statements.Count != 1 || statements[0] is not LocalDeclarationStatementSyntax { Parent: BlockSyntax block } declaration)
        {
            return null;
        }

        var next = block.Statements.SkipWhile(s => s != declaration).Skip(1).FirstOrDefault();
        if (next is null)
        {
            return null;
        }

        var locals = declaration.Declaration.Variables
            .Select(v => source.SemanticModel.GetDeclaredSymbol(v) as ILocalSymbol)
            .OfType<ILocalSymbol>()
            .ToImmutableArray();
        var used = next.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(n => locals.Any(l => SymbolEqualityComparer.Default.Equals(source.SemanticModel.GetSymbolInfo(n).Symbol, l)));
        if (!used)
        {
            return null;
        }

        var line = source.Text.Lines.GetLineFromPosition(next.SpanStart);
        return (source with { LineSpan = line.Span }, locals);
    }

    private static IEnumerable<SyntaxNode> Regions(StatementSyntax statement) => statement switch
    {
        IfStatementSyntax s => [s.Condition],
        WhileStatementSyntax s => [s.Condition],
        ForEachStatementSyntax s => [s, s.Expression],
        ForEachVariableStatementSyntax s => [s.Expression],
        ForStatementSyntax s => s.Initializers.Cast<SyntaxNode>().Concat(s.Declaration is null ? [] : [s.Declaration]).Concat(s.Condition is null ? [] : [s.Condition]),
        UsingStatementSyntax s => s.Declaration is not null ? [s.Declaration] : s.Expression is not null ? [s.Expression] : [],
        LockStatementSyntax s => [s.Expression],
        SwitchStatementSyntax s => [s.Expression],
        ReturnStatementSyntax or ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax => [statement],
        _ => [],
    };

    private static bool IsExtensionCall(MemberAccessExpressionSyntax access, SemanticModel model) =>
        model.GetSymbolInfo(access).Symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension }
        || model.GetSymbolInfo(access).CandidateSymbols.OfType<IMethodSymbol>().Any(m => m.MethodKind == MethodKind.ReducedExtension);

    private static bool IsUnboxing(CastExpressionSyntax cast, SemanticModel model)
    {
        var target = model.GetTypeInfo(cast.Type).Type;
        var operand = model.GetTypeInfo(cast.Expression).Type;
        return target is { IsValueType: true } && target.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            && operand is { IsReferenceType: true };
    }

    private static bool IsDelegateInvocation(InvocationExpressionSyntax invocation, SemanticModel model) =>
        invocation.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
        && model.GetSymbolInfo(invocation.Expression).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol or IEventSymbol
        && model.GetTypeInfo(invocation.Expression).Type is { TypeKind: TypeKind.Delegate };

    private static bool IsNameof(SyntaxNode node) =>
        node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" });
}
