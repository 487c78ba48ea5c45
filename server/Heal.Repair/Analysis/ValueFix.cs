using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>A fix at the dereference itself (<c>x?.M ?? F</c> or <c>x?.M()</c>), and the sibling code it follows.</summary>
/// <param name="Text">The fixed file.</param>
/// <param name="Precedent">The sibling guard or operator that establishes the value.</param>
/// <param name="Path">For a guard precedent: the sibling's non-null path returning the same member chain; null for an operator precedent.</param>
/// <param name="Basis">Plain words for the reviewer: which evidence the value comes from.</param>
/// <param name="Fallback">True when a fallback value is substituted; false for a bare <c>?.</c> on a discarded call.</param>
/// <param name="Witnesses">How many sibling members agree on the value.</param>
/// <param name="ByConvention">True when the value is not written for this member anywhere but follows the siblings' naming.</param>
/// <param name="Value">The substituted value (<c>F</c>); null for a bare <c>?.</c>.</param>
public readonly record struct ValueFix(SourceText Text, AbsenceGuard Precedent, SyntaxNode? Path, string Basis, bool Fallback, int Witnesses, bool ByConvention = false,
    string? Value = null);
