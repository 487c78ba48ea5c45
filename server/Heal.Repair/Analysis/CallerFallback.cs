using System.Collections.Immutable;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>
/// The value a caller passes that turns out null, and the <c>?? F</c> its own type already writes for the very same
/// expression elsewhere (<c>order.ShippingAddress ?? order.BillingAddress</c>): the fix belongs at the origin, with the
/// fallback the surrounding code agreed on, not in the callee that merely received the null.
/// </summary>
/// <param name="Argument">The argument in the caller frame.</param>
/// <param name="Fallback">The fallback's text, portable into the calling method.</param>
/// <param name="Precedent">One sibling that writes it.</param>
/// <param name="Witnesses">How many sibling members write the same fallback for the same expression.</param>
/// <param name="OtherUses">
/// Other places in the calling method that pass on or dereference the same value unguarded: fixing only the one on
/// the stack would move the crash to the next of them, so the fallback goes on each.
/// </param>
public sealed record CallerFallback(ExpressionSyntax Argument, string Fallback, AbsenceGuard Precedent, int Witnesses, ImmutableArray<ExpressionSyntax> OtherUses)
{
    /// <summary>
    /// The fallback the caller's type uses for <paramref name="argument"/>: every <c>??</c> on the same member (same text,
    /// same key) must agree on the value, and the value must name only fields, members and parameters the calling method
    /// also has. Null when there is no such sibling or they disagree.
    /// </summary>
    public static CallerFallback? Find(LinkedSource caller, ExpressionSyntax argument)
    {
        var model = caller.SemanticModel;
        argument = AbsenceConventions.Unwrap(argument);
        if (argument is not MemberAccessExpressionSyntax || caller.Member is null || AbsenceConventions.KeyOf(argument, model) is not { } key)
        {
            return null;
        }

        var text = argument.ToString();
        var guards = AbsenceConventions.Find(NullReferenceRule.TypeScope(caller), model)
            .Where(g => g.Key == key && g.Form == GuardForm.Coalesce && g.Action.Kind == AbsenceActionKind.Fallback && g.Action.Text is not null
                && g.Member is not null && g.Member != caller.Member && AbsenceConventions.Unwrap(g.Tested).ToString() == text)
            .ToList();
        if (guards.Count == 0 || guards.Select(g => g.Action.Text).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return null;
        }

        var precedent = guards[0];
        var right = ((BinaryExpressionSyntax)precedent.Node).Right;
        if (!AbsenceConventions.PortableInto(right, caller.Member, model) || !FallbackTyping.Fits(argument, $"{argument} ?? {precedent.Action.Text}", model))
        {
            return null;
        }

        var uses = caller.Member.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Where(e => e != argument && e.ToString() == text && IsUnguardedUse(e) && AbsenceConventions.KeyOf(e, model) == key)
            .ToImmutableArray<ExpressionSyntax>();
        return new CallerFallback(argument, precedent.Action.Text!, precedent, guards.Select(g => g.Member).Distinct().Count(), uses);
    }

    /// <summary>
    /// A use that carries a null on: an argument, or the receiver of a member access or indexer. Null checks,
    /// <c>?.</c>, <c>??</c>, assignments to it and anything inside a lambda (run later, maybe never) are left alone.
    /// </summary>
    private static bool IsUnguardedUse(ExpressionSyntax use)
    {
        if (use.Ancestors().Any(a => a is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax))
        {
            return false;
        }

        var outer = use.Parent is ParenthesizedExpressionSyntax p ? p : (SyntaxNode)use;
        return outer.Parent switch
        {
            ArgumentSyntax => true,
            MemberAccessExpressionSyntax access => access.Expression == outer,
            ElementAccessExpressionSyntax element => element.Expression == outer,
            _ => false,
        };
    }

    /// <summary>The caller's file with <c>argument ?? fallback</c> in place of the argument and of each later use.</summary>
    public SourceText Apply(SourceText text) =>
        text.WithChanges(OtherUses.Prepend(Argument).Select(Replace).OrderBy(c => c.Span.Start));

    private TextChange Replace(ExpressionSyntax use)
    {
        var replacement = $"{use} ?? {Fallback}";
        var outer = use.Parent is ParenthesizedExpressionSyntax ? use.Parent : use;
        var bare = outer.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or InterpolationSyntax;
        return new TextChange(outer.Span, bare ? replacement : $"({replacement})");
    }
}
