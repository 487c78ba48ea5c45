using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Finds what a method already does with invalid input (its validation guards: a validation result, <c>false</c>,
/// <c>null</c>, a domain exception, <c>continue</c> in a loop…) so a parse failure can take the same path.
/// </summary>
public static class InvalidInputPath
{
    /// <param name="member">The enclosing method, local function or lambda.</param>
    /// <param name="anchor">The statement the exit will be inserted before.</param>
    /// <param name="input">The input being parsed; guards about it are preferred.</param>
    /// <param name="message">A plain string literal describing the invalid input, used where the existing exit carries a message.</param>
    public static Fallback? Infer(SyntaxNode member, StatementSyntax anchor, ExpressionSyntax input, SemanticModel model, string message, out string whyNot)
    {
        whyNot = "";
        var anchorLoop = ExitPaths.EnclosingLoop(anchor, member);
        var guards = ExitPaths.Guards(member)
            .Where(g => g.Jump.SpanStart < anchor.SpanStart && !anchor.Span.Contains(g.Jump.Span))
            .Where(g => !g.IsLoopExit || (anchorLoop is not null && ExitPaths.EnclosingLoop(g.Jump, member) == anchorLoop))
            .Select(g => (Guard: g, AboutInput: Mentions(g.Condition, input), Validation: ExitPaths.IsValidationTest(g.Condition)))
            .Where(g => g.AboutInput || g.Validation || g.Guard.IsLoopExit)
            .ToList();
        if (guards.Count == 0)
        {
            whyNot = "the method has no existing path for invalid input (no validation guard before the parse), so the intended behaviour is unclear";
            return null;
        }

        // Guards about the same input say most; a loop that already skips bad items comes next.
        var preferred = guards.Where(g => g.AboutInput).ToList();
        if (preferred.Count == 0)
        {
            preferred = guards.Where(g => g.Guard.IsLoopExit).ToList();
        }

        if (preferred.Count == 0)
        {
            preferred = guards;
        }

        var rendered = preferred.Select(g => Render(g.Guard, model, message, g.AboutInput)).ToList();
        if (rendered.Any(r => r is null))
        {
            whyNot = "the existing invalid-input path carries data that cannot be adapted to this input";
            return null;
        }

        var distinct = rendered.OfType<Fallback>().DistinctBy(r => r.Jump, StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            whyNot = "the method handles invalid input in more than one way, so the intended one is unclear";
            return null;
        }

        return distinct[0];
    }

    private static Fallback? Render(GuardedExit guard, SemanticModel model, string message, bool aboutInput)
    {
        var confidence = aboutInput ? 0.85 : 0.75;
        var reason = aboutInput
            ? "the method already rejects this input this way when it is missing or malformed"
            : guard.IsLoopExit ? "the loop already skips invalid items this way" : "the method already rejects invalid input this way";
        var exit = guard.Jump switch
        {
            ReturnStatementSyntax { Expression: null } or ContinueStatementSyntax or BreakStatementSyntax => guard.Jump.ToString(),
            ReturnStatementSyntax { Expression: { } value } => WithMessage(value, model, message) is { } adapted ? $"return {adapted};" : null,
            ThrowStatementSyntax { Expression: { } thrown } => WithMessage(thrown, model, message) is { } adapted ? $"throw {adapted};" : null,
            _ => null,
        };
        return exit is null ? null : new Fallback(exit, null, confidence, reason, guard.Jump);
    }

    /// <summary>
    /// The exit value with its one message replaced: a value without strings is kept as is; a call or
    /// <c>new</c> whose only string argument is a literal gets <paramref name="message"/> instead.
    /// </summary>
    private static string? WithMessage(ExpressionSyntax value, SemanticModel model, string message)
    {
        var strings = value.DescendantNodesAndSelf()
            .Where(n => n is InterpolatedStringExpressionSyntax || (n is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression)))
            .Cast<ExpressionSyntax>()
            .Where(n => !n.Ancestors().Any(a => a is InterpolatedStringExpressionSyntax))
            .ToList();
        if (strings.Count == 0)
        {
            // A value built from the guarded variable (e.g. `Error(name)`) would describe the wrong input.
            return value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => model.GetSymbolInfo(i).Symbol is ILocalSymbol or IParameterSymbol)
                ? null
                : value.ToString();
        }

        if (strings.Count > 1)
        {
            return null;
        }

        var text = value.ToString();
        var span = strings[0].Span;
        return text[..(span.Start - value.SpanStart)] + message + text[(span.End - value.SpanStart)..];
    }

    private static bool Mentions(SyntaxNode condition, ExpressionSyntax input) =>
        condition.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(e => e.IsEquivalentTo(input, topLevel: false));
}
