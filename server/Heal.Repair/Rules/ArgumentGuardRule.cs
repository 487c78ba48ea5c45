using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>ArgumentException</c>, <c>ArgumentOutOfRangeException</c> or <c>ArgumentNullException</c> thrown by the application's
/// own guard clause (<c>if (quantity &lt; 1) throw new ArgumentOutOfRangeException(nameof(quantity))</c>,
/// <c>ArgumentOutOfRangeException.ThrowIfNegative(days)</c>, <c>ArgumentException.ThrowIfNullOrEmpty(sku)</c>): the guard
/// states the precondition, so the fix goes where the bad value comes from, the caller (see
/// <see cref="CallerPreconditionFix"/>; a caller reading positional fields in another order than the type's own writer
/// takes the writer's order, <see cref="RoundTripOrder"/>). Not this rule's class when no guard of the application threw it.
/// </summary>
public sealed class ArgumentGuardRule : ICrashRule
{
    public string Id => "argument-guard";

    public bool Matches(CrashSite site) => site.ExceptionName is "ArgumentException" or "ArgumentOutOfRangeException" or "ArgumentNullException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        if (GuardClauses.AtCrash(site) is not { } guard)
        {
            return null;
        }

        var precondition = guard.Violation(e => e.ToString()) ?? guard.Statement.ToString();
        var method = (site.Throwing.Member as Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax) is { } declared
            ? site.Throwing.SemanticModel.GetDeclaredSymbol(declared, cancellationToken)?.Name ?? "the method"
            : "the method";
        var about = guard.Parameter is { } parameter ? $"`{parameter.Name}`" : "a value";
        var rootCause = $"The caller passes {about} that `{method}` rejects with its own guard (`{precondition}` throws {guard.ExceptionName}); the guard is the precondition, the caller broke it.";
        return RoundTripOrder.Apply(site, guard, rootCause, cancellationToken)
            ?? CallerPreconditionFix.Apply(site, guard, rootCause, cancellationToken);
    }
}
