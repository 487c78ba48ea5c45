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
public sealed record CallerFallback(ExpressionSyntax Argument, string Fallback, AbsenceGuard Precedent, int Witnesses)
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
        if (!AbsenceConventions.PortableInto(right, caller.Member, model))
        {
            return null;
        }

        return new CallerFallback(argument, precedent.Action.Text!, precedent, guards.Select(g => g.Member).Distinct().Count());
    }

    /// <summary>The caller's file with <c>argument ?? fallback</c> in place of the argument.</summary>
    public SourceText Apply(SourceText text)
    {
        var replacement = $"{Argument} ?? {Fallback}";
        var outer = Argument.Parent is ParenthesizedExpressionSyntax ? Argument.Parent : Argument;
        var bare = outer.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or InterpolationSyntax;
        return text.WithChanges(new TextChange(outer.Span, bare ? replacement : $"({replacement})"));
    }
}
