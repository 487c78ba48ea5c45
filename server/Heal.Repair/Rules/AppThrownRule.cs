using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Rules;

/// <summary>
/// An exception the application throws itself from a guard (<c>if (Status != OrderStatus.Open) throw new
/// InvalidOperationException("…")</c>, <c>throw new InsufficientStockException(…)</c>): the guard is the method's
/// precondition, so the fix is in the caller that called it without meeting it (see <see cref="CallerPreconditionFix"/>),
/// or a decline. Argument exceptions go to <see cref="ArgumentGuardRule"/>; throws that are not guards are not this class.
/// </summary>
public sealed class AppThrownRule : ICrashRule
{
    public string Id => "app-thrown";

    public bool Matches(CrashSite site) => site.ExceptionName is not ("ArgumentException" or "ArgumentOutOfRangeException" or "ArgumentNullException"
        or "NullReferenceException" or "IndexOutOfRangeException" or "DivideByZeroException" or "OverflowException" or "InvalidCastException");

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        if (GuardClauses.AtCrash(site) is not { } guard)
        {
            return null;
        }

        var method = site.Throwing.Member is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax declared
            ? site.Throwing.SemanticModel.GetDeclaredSymbol(declared, cancellationToken)?.Name ?? "the method"
            : "the method";
        var precondition = guard.Violation(e => e.ToString()) ?? guard.Statement.ToString();
        var rootCause = $"`{method}` refuses to run when `{precondition}` and throws {guard.ExceptionName}; its caller called it in that state.";
        return CallerPreconditionFix.Apply(site, guard, rootCause, cancellationToken);
    }
}
