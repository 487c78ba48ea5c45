namespace Heal.Repair.Analysis;

/// <summary>How a file writes a one-line guard.</summary>
/// <param name="Form"><see cref="GuardForm.IsNull"/> or <see cref="GuardForm.EqualsNull"/>.</param>
/// <param name="Braces">Body in a block.</param>
/// <param name="SameLine">Without braces: body on the <c>if</c>'s line.</param>
/// <param name="OpenBraceOnNewLine">Allman (true) or K&amp;R (false) braces.</param>
/// <param name="BlankLineAfter">A blank line separates a guard from the next statement.</param>
public sealed record GuardLayout(GuardForm Form, bool Braces, bool SameLine, bool OpenBraceOnNewLine, bool BlankLineAfter)
{
    /// <summary>The null test of <paramref name="expression"/> in this layout's form.</summary>
    public string NullTest(string expression) =>
        Form == GuardForm.EqualsNull ? $"{expression} == null" : $"{expression} is null";

    /// <summary>The same layout with the test form and braces of an existing guard.</summary>
    public GuardLayout Like(AbsenceGuard guard) => guard.Form is GuardForm.IsNull or GuardForm.EqualsNull
        ? this with { Form = guard.Form, Braces = guard.Braces, SameLine = guard.SameLine }
        : this;
}
