using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>One place where existing code handles a possibly absent value.</summary>
/// <param name="Node">The guard: the <c>if</c> statement, the <c>ThrowIfNull</c> call, the <c>?.</c> or <c>??</c> expression.</param>
/// <param name="Tested">The expression tested for null (e.g. <c>order.Customer</c>).</param>
/// <param name="Key">What the tested expression stands for across methods (see <see cref="AbsenceConventions.KeyOf"/>); null when unknown.</param>
/// <param name="Form">How the test is written.</param>
/// <param name="Action">What happens when the value is absent.</param>
/// <param name="Member">The method, accessor, lambda… that holds the guard.</param>
/// <param name="Braces">For <c>if</c> guards: whether the body is a block.</param>
/// <param name="SameLine">For <c>if</c> guards without braces: whether the body sits on the <c>if</c>'s line.</param>
/// <param name="Portable">Whether <see cref="AbsenceAction.Text"/> names no local or parameter, so it can be copied into another method.</param>
public sealed record AbsenceGuard(
    SyntaxNode Node,
    ExpressionSyntax Tested,
    string? Key,
    GuardForm Form,
    AbsenceAction Action,
    SyntaxNode? Member,
    bool Braces,
    bool SameLine,
    bool Portable);
