using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// A precondition a method enforces itself: <c>if (quantity &lt; 1) throw new ArgumentOutOfRangeException(nameof(quantity));</c>,
/// <c>ArgumentOutOfRangeException.ThrowIfNegative(days)</c>, <c>name ?? throw new ArgumentNullException(nameof(name))</c>,
/// <c>if (Status != Status.Open) throw new InvalidOperationException("…")</c>. The guard is the team's own statement of
/// what a caller must not pass or do; <see cref="GuardClauses"/> finds them and <see cref="CallerCondition"/> restates the
/// violation in a caller's terms.
/// </summary>
/// <param name="Statement">The guard (the <c>if</c>, the <c>ThrowIf…</c> call's statement, or the <c>?? throw</c> expression).</param>
/// <param name="Throw">The throw or the <c>ThrowIf…</c> call.</param>
/// <param name="ExceptionName">The exception's simple name.</param>
/// <param name="Parameter">The parameter the guard is about, when it is about one.</param>
/// <param name="Condition">For <c>if (condition) throw …</c>: the condition under which it throws.</param>
/// <param name="Helper">For a <c>ThrowIf…</c> helper: its name.</param>
/// <param name="HelperArguments">For a <c>ThrowIf…</c> helper: its arguments.</param>
/// <param name="Message">The message the guard gives, when it is a plain string literal.</param>
public sealed record GuardClause(
    SyntaxNode Statement,
    SyntaxNode Throw,
    string ExceptionName,
    IParameterSymbol? Parameter,
    ExpressionSyntax? Condition,
    string? Helper,
    ImmutableArray<ExpressionSyntax> HelperArguments,
    string? Message)
{
    /// <summary>
    /// The violation as C# text, each expression of the guard rendered by <paramref name="render"/> (the identity in the
    /// guarded method, a translation at a caller); null when a part cannot be rendered.
    /// </summary>
    public string? Violation(Func<ExpressionSyntax, string?> render)
    {
        if (Condition is not null)
        {
            return render(Condition);
        }

        if (Helper is null || HelperArguments.IsDefaultOrEmpty || render(HelperArguments[0]) is not { } value)
        {
            return null;
        }

        var other = HelperArguments.Length > 1 ? render(HelperArguments[1]) : null;
        return Helper switch
        {
            "ThrowIfNull" => $"{value} is null",
            "ThrowIfNullOrEmpty" => $"string.IsNullOrEmpty({value})",
            "ThrowIfNullOrWhiteSpace" => $"string.IsNullOrWhiteSpace({value})",
            "ThrowIfNegative" => $"{value} < 0",
            "ThrowIfNegativeOrZero" => $"{value} <= 0",
            "ThrowIfZero" => $"{value} == 0",
            "ThrowIfGreaterThan" when other is not null => $"{value} > {other}",
            "ThrowIfGreaterThanOrEqual" when other is not null => $"{value} >= {other}",
            "ThrowIfLessThan" when other is not null => $"{value} < {other}",
            "ThrowIfLessThanOrEqual" when other is not null => $"{value} <= {other}",
            "ThrowIfEqual" when other is not null => $"{value} == {other}",
            "ThrowIfNotEqual" when other is not null => $"{value} != {other}",
            _ => null,
        };
    }

    /// <summary>What the precondition asks, in words, for messages: "must not be negative".</summary>
    public string Requirement => Helper switch
    {
        "ThrowIfNull" => "must be given",
        "ThrowIfNullOrEmpty" or "ThrowIfNullOrWhiteSpace" => "must not be empty",
        "ThrowIfNegative" => "must not be negative",
        "ThrowIfNegativeOrZero" => "must be positive",
        "ThrowIfZero" => "must not be zero",
        _ => "is not valid",
    };
}
