using Heal.Core.Model;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>One sentence of a symbol's documentation.</summary>
/// <param name="Owner">The documented symbol.</param>
/// <param name="Element">The XML element it sits in (<c>summary</c>, <c>remarks</c>, <c>param</c>…).</param>
/// <param name="Parameter">The <c>name</c> of a <c>param</c> element.</param>
/// <param name="Text">The plain sentence.</param>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Line">One-based line of the element.</param>
/// <param name="Node">The element.</param>
public sealed record DocSentence(ISymbol Owner, string Element, string? Parameter, string Text, string Path, int Line, SyntaxNode Node)
{
    public Evidence ToEvidence(string role) => new(Path, Line, Text.Length <= 200 ? Text : Text[..197] + "...", role);

    public IntentSignal ToSignal(ExpectedOutcome? outcome, IntentStance stance = IntentStance.Names) =>
        new(IntentKind.Documentation, stance, outcome, 0.3, Path, Line, Text.Length <= 200 ? Text : Text[..197] + "...", Node);
}
