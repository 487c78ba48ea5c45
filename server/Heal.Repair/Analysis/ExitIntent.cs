using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// What the code's own exits say about the failing case: the failing method's absence guards and "nothing" returns,
/// the absence guards of sibling members with the same return type, and a nullable return type (unless the member's
/// <c>&lt;returns&gt;</c> gives null a meaning other than a missing key).
/// </summary>
public static class ExitIntent
{
    public const double OwnGuardWeight = 0.3;
    public const double OwnReturnWeight = 0.2;
    public const double SiblingWeight = 0.15;
    public const double NullableReturnWeight = 0.1;

    public static IEnumerable<IntentSignal> Read(IntentQuery query, IntentLocator locator)
    {
        if (query.Member is not { } member)
        {
            yield break;
        }

        if (SemanticModels.For(member, query.Model) is not { } model)
        {
            yield break;
        }

        var anchor = query.Anchor ?? (SyntaxNode?)query.Subject.FirstAncestorOrSelf<StatementSyntax>() ?? query.Subject;
        var anchorLoop = ExitPaths.EnclosingLoop(anchor, member);
        var guards = ExitPaths.Guards(member)
            .Where(g => IsAbsenceGuard(g, model) && !g.Jump.Span.Contains(anchor.Span) && !anchor.Span.Contains(g.Jump.Span))
            .Where(g => !g.IsLoopExit || (anchorLoop is not null && ExitPaths.EnclosingLoop(g.Jump, member) == anchorLoop))
            .ToList();
        foreach (var guard in guards)
        {
            if (OutcomeOf(guard.Jump, model) is { } outcome)
            {
                yield return locator.Signal(IntentKind.OwnExit, IntentStance.Names, outcome, OwnGuardWeight, guard.Jump, guard.Jump.ToString());
            }
        }

        var anchorStatement = anchor as StatementSyntax ?? anchor.FirstAncestorOrSelf<StatementSyntax>();
        foreach (var nothing in ExitPaths.Returns(member).Where(r => r.Expression is not null && ExitPaths.IsNeutralValue(r.Expression) && r != anchorStatement
                     && !guards.Any(g => g.Jump.Span.Contains(r.Span))))
        {
            yield return locator.Signal(IntentKind.OwnExit, IntentStance.Names, ExpectedOutcome.Returns(nothing.Expression!.ToString()), OwnReturnWeight, nothing, nothing.ToString());
        }

        var returnSymbol = ReturnTypeSymbol(member, model);
        if (returnSymbol is not null && member.Parent is TypeDeclarationSyntax type)
        {
            foreach (var sibling in type.Members.Where(m => m != member && m is MethodDeclarationSyntax or PropertyDeclarationSyntax))
            {
                var sameType = SymbolEqualityComparer.Default.Equals(ReturnTypeSymbol(sibling, model), returnSymbol);
                foreach (var guard in ExitPaths.Guards(sibling).Where(g => IsAbsenceGuard(g, model) && (sameType && g.ReturnedValue is not null || g.IsThrow)))
                {
                    if (OutcomeOf(guard.Jump, model) is { } outcome)
                    {
                        yield return locator.Signal(IntentKind.Sibling, IntentStance.Names, outcome, SiblingWeight, guard.Jump, guard.Jump.ToString());
                    }
                }
            }
        }

        if (ReturnTypeSyntax(member) is NullableTypeSyntax nullable && returnSymbol is not null && !NullMeansSomethingElse(member, query.Condition))
        {
            yield return locator.Signal(IntentKind.NullableAnnotation, IntentStance.Names, ExpectedOutcome.Returns("null"), NullableReturnWeight, nullable);
        }
    }

    /// <summary>
    /// The member's own <c>&lt;returns&gt;</c> gives <c>null</c> a meaning other than a missing key ("or null when the ban is
    /// permanent"): the nullable return type is then that case's, not evidence for this one.
    /// </summary>
    private static bool NullMeansSomethingElse(SyntaxNode member, FailureCondition condition)
    {
        var returns = member.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>()
            .SelectMany(c => c.Content.OfType<XmlElementSyntax>())
            .Where(e => e.StartTag.Name.LocalName.ValueText == "returns")
            .Select(e => e.ToString())
            .ToList();
        // Only for a missing key so far: the cue words for other conditions miss phrasings ("when no more buses leave") that do speak of them.
        return condition == FailureCondition.AbsentKey
            && returns.Any(text => text.Contains("null", StringComparison.Ordinal) && !ConditionWords.Mentions(condition, text.Replace("null", "", StringComparison.Ordinal)));
    }

    /// <summary>The outcome an exit statement gives: <c>return X;</c>, <c>continue;</c>, <c>break;</c>, <c>throw new T(…)</c>.</summary>
    public static ExpectedOutcome? OutcomeOf(SyntaxNode jump, SemanticModel model) => jump switch
    {
        ReturnStatementSyntax r => ExpectedOutcome.Returns(r.Expression?.ToString()),
        ContinueStatementSyntax => ExpectedOutcome.Skip,
        BreakStatementSyntax => ExpectedOutcome.Stop,
        ThrowStatementSyntax { Expression: { } thrown } => Thrown(thrown, model),
        ThrowExpressionSyntax { Expression: var thrown } => Thrown(thrown, model),
        _ => null,
    };

    private static ExpectedOutcome? Thrown(ExpressionSyntax thrown, SemanticModel model) =>
        thrown is BaseObjectCreationExpressionSyntax creation
            ? ExpectedOutcome.Throws(model.GetTypeInfo(creation).Type?.Name ?? (creation as ObjectCreationExpressionSyntax)?.Type.ToString() ?? "Exception")
            : null;

    /// <summary>
    /// A guard about a value that turned out to be missing. A throwing check of parameters only is a precondition
    /// (the caller's mistake), not the code's answer to a missing entry, so it does not count.
    /// </summary>
    public static bool IsAbsenceGuard(GuardedExit guard, SemanticModel model)
    {
        if (guard.Jump is ThrowExpressionSyntax)
        {
            return !ChecksOnlyParameters(guard.Condition, model);
        }

        if (!ExitPaths.IsAbsenceTest(guard.Condition))
        {
            return false;
        }

        return !guard.IsThrow || !ChecksOnlyParameters(guard.Condition, model);
    }

    private static bool ChecksOnlyParameters(ExpressionSyntax condition, SemanticModel model)
    {
        var symbols = condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Select(i => model.GetSymbolInfo(i).Symbol)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol)
            .ToList();
        return symbols.Count > 0 && symbols.All(s => s is IParameterSymbol);
    }

    /// <summary>The declared return type of a method, local function or property getter, as written.</summary>
    public static TypeSyntax? ReturnTypeSyntax(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax m => m.ReturnType,
        LocalFunctionStatementSyntax l => l.ReturnType,
        PropertyDeclarationSyntax p => p.Type,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax p } a when a.IsKind(SyntaxKind.GetAccessorDeclaration) => p.Type,
        _ => null,
    };

    /// <summary>The type a <c>return</c> in the member gives back (unwrapping <c>Task&lt;T&gt;</c> for async methods).</summary>
    public static ITypeSymbol? ReturnTypeSymbol(SyntaxNode member, SemanticModel model)
    {
        var symbol = member switch
        {
            MethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax => model.GetDeclaredSymbol(member) as IMethodSymbol,
            AnonymousFunctionExpressionSyntax => model.GetSymbolInfo(member).Symbol as IMethodSymbol,
            PropertyDeclarationSyntax p => (model.GetDeclaredSymbol(p) as IPropertySymbol)?.GetMethod,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        var type = symbol.ReturnType;
        if (symbol.IsAsync && type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task)
        {
            return task.TypeArguments[0];
        }

        return type;
    }
}
