using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Rules;

/// <summary>
/// An <c>async void</c> method that has to stay <c>async void</c> (a timer callback, an event handler, a delegate target)
/// handles a failure the way its documentation, or its type's, says a failure is handled: "a flush that fails keeps its
/// points for the next tick and is counted in <c>FailedFlushes</c>; the agent must never take the host down". The body is
/// wrapped in a <c>try</c> that catches the thrown exception type only (never <c>Exception</c>), and the <c>catch</c> does
/// what the sentence names and nothing else: increment the named counter, or nothing when the sentence only says the
/// failure must not stop the process or is retried on the next run.
/// </summary>
/// <remarks>
/// Null (no documented handling: the caller declines) when no sentence of the method's or its type's documentation speaks
/// of a failure and says what happens then; when the sentence asks for something a catch alone cannot do (log, alert,
/// drop, rethrow, disable) or names a counter the type cannot increment; and for programming errors (a null dereference,
/// an unexpected state), which a catch would only hide.
/// </remarks>
public static partial class DocumentedFailureCatch
{
    public static RuleResult? Apply(CrashSite site, LinkedSource source, MethodDeclarationSyntax method, string rootCause, string constraint,
        ImmutableArray<Evidence>.Builder evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (method.Body is not { Statements.Count: > 0 } body || body.Statements is [TryStatementSyntax { Catches.Count: > 0 }]
            || body.DescendantTokens().Any(t => t.Text.Contains('\n', StringComparison.Ordinal))
            || SiblingCatchFix.ProgrammingErrors.Contains(site.ExceptionName)
            || model.Compilation.GetTypeByMetadataName(site.Exception.Type) is not { } thrown
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        var locator = new IntentLocator(source);
        DocSentence? said = null;
        string? counter = null;
        foreach (var sentence in DocSentences.Of(symbol, locator).Concat(DocSentences.Of(symbol.ContainingType, locator)))
        {
            var text = sentence.Text;
            if (sentence.Element is "param" or "exception" || !Failure().IsMatch(text))
            {
                continue;
            }

            if (Unrealisable().Match(text) is { Success: true } other)
            {
                evidence.Add(sentence.ToEvidence("says what a failure does"));
                return RuleResult.Decline(rootCause,
                    $"{constraint}; the documentation says a failure is \"{other.Value}\", which catching the exception alone does not do");
            }

            var count = Counted().Match(text);
            var survives = Survives().IsMatch(text);
            if (!count.Success && !survives)
            {
                continue;
            }

            if (count.Success)
            {
                counter = Increment(symbol.ContainingType, count.Groups["name"].Value, model, method.SpanStart, cancellationToken);
                if (counter is null)
                {
                    return null;
                }
            }

            said = sentence;
            break;
        }

        if (said is null)
        {
            return null;
        }

        evidence.Add(said.ToEvidence("says what a failure does"));
        var caught = thrown.ToMinimalDisplayString(model, method.SpanStart);
        var handler = counter is null ? [$"// {Shorten(said.Text)}"] : new[] { counter };
        var change = SiblingCatchFix.WrapWithCatch(source, body, caught, handler);
        var reasons = new List<(double, string)>
        {
            (0.4, constraint),
            (0.3, $"the documentation says what a failure does: {said.Text}"),
        };
        var fix = RuleKit.Fix(rootCause,
            $"`{method.Identifier.Text}` must stay `async void`, so nothing above it can catch what it throws; its documentation says what a failure does, so it catches `{thrown.Name}` there and does that{(counter is null ? "" : $" (`{counter}`)")}.",
            "catch-documented-failure", reasons, evidence, RuleKit.Edit(source, change));
        return fix with { Intent = [said.ToSignal(null)] };
    }

    /// <summary>The statement that adds one to the counter named <paramref name="name"/>: a field, or the field a read-only property reads.</summary>
    private static string? Increment(INamedTypeSymbol type, string name, SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var member = type.GetMembers(name).FirstOrDefault();
        if (member is IPropertySymbol { SetMethod: not null } settable && Integral(settable.Type) && model.IsAccessible(position, settable.SetMethod))
        {
            return $"{settable.Name}++;";
        }

        var field = member switch
        {
            IFieldSymbol f => f,
            IPropertySymbol { GetMethod.DeclaringSyntaxReferences: [var getter, ..] } => ReadField(getter.GetSyntax(cancellationToken), type, model),
            IPropertySymbol { DeclaringSyntaxReferences: [var declaration, ..] } => ReadField(declaration.GetSyntax(cancellationToken), type, model),
            _ => null,
        };
        if (field is null || field.IsReadOnly || field.IsConst || !Integral(field.Type))
        {
            return null;
        }

        // A counter read with Volatile or Interlocked is shared between threads: add to it the same way.
        var shared = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken))
            .SelectMany(s => s.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Any(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Volatile" or "Interlocked" } }
                && i.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax { Identifier.ValueText: var used } && used == field.Name));
        var interlocked = RuleKit.Binds(model, position, "Interlocked.Increment") ? "Interlocked" : "System.Threading.Interlocked";
        return shared ? $"{interlocked}.Increment(ref {field.Name});" : $"{field.Name}++;";
    }

    /// <summary>The one field of <paramref name="type"/> a property's getter reads.</summary>
    private static IFieldSymbol? ReadField(SyntaxNode getter, INamedTypeSymbol type, SemanticModel model)
    {
        var fields = getter.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Select(i => type.GetMembers(i.Identifier.ValueText).OfType<IFieldSymbol>().FirstOrDefault())
            .OfType<IFieldSymbol>().Distinct(SymbolEqualityComparer.Default).ToList();
        return fields.Count == 1 ? (IFieldSymbol)fields[0]! : null;
    }

    private static bool Integral(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";

    [GeneratedRegex(@"\b(fail\w*|throws?|errors?|unreachable|unavailable|time[sd] out|timeouts?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Failure();

    [GeneratedRegex(@"\b((is|are|gets?) )?(counted|recorded|tallied|tracked) (in|by) (?<name>[A-Za-z_]\w*)|\bincrements? (?<name>[A-Za-z_]\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex Counted();

    [GeneratedRegex(@"\b(never|must not|mustn't|should not|shouldn't|does not|doesn't|will not|won't)\b[^.;]*\b(take\w* [^.;]*down|crash\w*|stop\w*|kill\w*|bring\w* [^.;]*down|terminat\w*)|\b(is|are) (ignored|swallowed)\b|\b(retr(y|ies|ied)|tried again|tries again|keeps?|kept|stays?|remains?)\b[^.;]*\bnext\b", RegexOptions.IgnoreCase)]
    private static partial Regex Survives();

    [GeneratedRegex(@"\b(is |are )?(logged|logs|reported|alerts?|alerted|notif\w+|disabl\w+|dropped|drops|discard\w+|clear\w+|dead-?letter\w*|rethrow\w*|re-thrown|quarantin\w+|stops the \w+|shuts? down)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Unrealisable();
}
