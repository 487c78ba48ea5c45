using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// The one intent analysis every rule shares: for a failing condition at an expression, it collects what the repository
/// says should happen, each signal with its kind, file, line, text and the outcome it names.
/// </summary>
/// <remarks>
/// Sources, each in its own reader: the XML documentation of the failing method, its type, the member or parameter
/// involved and the repository method that produced the value (<see cref="DocIntent"/>); nullable annotations,
/// nullability attributes, <c>required</c> and constants named as a default (<see cref="DeclarationIntent"/>); the
/// method's own exits for the analogous case and its siblings' (<see cref="ExitIntent"/>); how callers handle the
/// result (<see cref="CallerIntent"/>); visible tests of the method (<see cref="TestIntent"/>). Event text is never a
/// source of intent. Pure: reads the solution, writes nothing, tolerates code with errors.
/// </remarks>
public static class IntentAnalysis
{
    public static Intent Collect(IntentQuery query, CancellationToken cancellationToken)
    {
        // Every reader asks query.Model about the subject: a subject of another frame's file is asked in that frame.
        if (query.Subject.SyntaxTree != query.Model.SyntaxTree)
        {
            if (new[] { query.Site.Throwing }.Concat(query.Site.Callers).FirstOrDefault(s => s.Root.SyntaxTree == query.Subject.SyntaxTree) is not { } own)
            {
                return new Intent(query.Condition, []);
            }

            query = query with { Source = own };
        }

        var locator = new IntentLocator(query.Source);
        var model = query.Model;
        var signals = new List<IntentSignal>();
        var subject = AbsenceConventions.Unwrap(query.Subject);
        var symbol = query.Symbol ?? Involved(subject, model);
        // A fix placed outside the lambda that failed (a guard where a captured local is declared) answers for the enclosing method.
        var member = query.Anchor is { } anchor && query.Member is AnonymousFunctionExpressionSyntax lambda && !lambda.Span.Contains(anchor.Span)
            ? AbsenceConventions.MemberOf(anchor)
            : query.Member;
        var method = member is not null ? Declared(member, model) : null;

        if (method is not null)
        {
            signals.AddRange(DocIntent.Read(query, method.AssociatedSymbol ?? method, DocRole.FailingMethod, locator));
            if (method.ContainingType is { } type)
            {
                signals.AddRange(DocIntent.Read(query, type, DocRole.Type, locator));
            }
        }

        if (symbol is IFieldSymbol or IPropertySymbol or IParameterSymbol && symbol.DeclaringSyntaxReferences.Length > 0)
        {
            signals.AddRange(DocIntent.Read(query, symbol, DocRole.Subject, locator));
        }

        if (Producer(subject, symbol, model) is { } producer)
        {
            signals.AddRange(DocIntent.Read(query, producer, DocRole.Producer, locator));
            if (query.Condition == FailureCondition.Null)
            {
                signals.AddRange(DeclarationIntent.Read(query, producer, locator).Where(s => s.Stance == IntentStance.Optional)
                    .Select(s => s with { Kind = IntentKind.Producer }));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        signals.AddRange(DeclarationIntent.Read(query, symbol, locator));
        signals.AddRange(ExitIntent.Read(query, locator));
        if (method is not null && method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet)
        {
            signals.AddRange(TestIntent.Read(query, method, locator, cancellationToken));
            signals.AddRange(CallerIntent.Read(query, method, locator, cancellationToken));
        }

        return new Intent(query.Condition, []).With(signals);
    }

    /// <summary>What an expression stands for: a field, property, parameter or local; for an invocation, the method.</summary>
    public static ISymbol? Involved(ExpressionSyntax expression, SemanticModel model) => expression switch
    {
        ElementAccessExpressionSyntax access => model.GetSymbolInfo(AbsenceConventions.Unwrap(access.Expression)).Symbol,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => model.GetSymbolInfo(AbsenceConventions.Unwrap(access.Expression)).Symbol,
        _ => model.GetSymbolInfo(expression).Symbol,
    };

    private static IMethodSymbol? Declared(SyntaxNode member, SemanticModel model)
    {
        if (SemanticModels.For(member, model) is not { } own)
        {
            return null;
        }

        model = own;
        return member switch
        {
            PropertyDeclarationSyntax p => (model.GetDeclaredSymbol(p) as IPropertySymbol)?.GetMethod,
            AnonymousFunctionExpressionSyntax => null,
            _ => model.GetDeclaredSymbol(member) as IMethodSymbol,
        };
    }

    /// <summary>The repository method a local got its value from (<c>var order = await _orders.FindAsync(id);</c>), or the call itself.</summary>
    private static IMethodSymbol? Producer(ExpressionSyntax subject, ISymbol? symbol, SemanticModel model)
    {
        ExpressionSyntax? value = subject;
        if (symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initial })
        {
            value = initial;
        }

        value = AbsenceConventions.Unwrap(value);
        if (value is AwaitExpressionSyntax awaited)
        {
            value = AbsenceConventions.Unwrap(awaited.Expression);
        }

        return value is InvocationExpressionSyntax call && model.GetSymbolInfo(call).Symbol is IMethodSymbol method && method.DeclaringSyntaxReferences.Length > 0
            ? method.OriginalDefinition
            : null;
    }
}
