using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Rules;

/// <summary>Steps the rules share to turn intent signals into candidate fixes.</summary>
public static class IntentFixes
{
    /// <summary>Source lines of the signals, as evidence with a role saying what each says.</summary>
    public static IEnumerable<Evidence> EvidenceOf(IEnumerable<IntentSignal> signals) =>
        signals.Select(s => new Evidence(s.Path, s.Line, s.Text, $"{s.KindName}: {s.Says}"));

    /// <summary>A signal read by a rule from code it already found (a sibling's default, a naming convention).</summary>
    public static IntentSignal Signal(LinkedSource source, IntentKind kind, ExpectedOutcome outcome, double weight, SyntaxNode node, string? text = null)
    {
        var locator = new IntentLocator(source);
        var signal = locator.Signal(kind, IntentStance.Names, outcome, weight, node);
        return text is null ? signal : signal with { Text = text };
    }

    /// <summary>
    /// The statement-level outcomes named by <paramref name="intent"/> (return, skip, stop, throw) that can be written at
    /// <paramref name="anchor"/>, each with its statement; <paramref name="whyNot"/> collects why the others cannot.
    /// </summary>
    public static List<(ExpectedOutcome Outcome, string Statement)> Statements(Intent intent, SyntaxNode member, StatementSyntax anchor, SemanticModel model,
        string? message, List<string> whyNot, ExpressionSyntax? key = null)
    {
        var written = new List<(ExpectedOutcome, string)>();
        foreach (var outcome in intent.Named.Where(o => o.Kind is OutcomeKind.Return or OutcomeKind.Skip or OutcomeKind.Stop or OutcomeKind.Throw))
        {
            var statement = OutcomeStatement.Write(outcome, member, anchor, model, intent.Supporting(outcome), message, out var why, key);
            if (statement is null)
            {
                whyNot.Add($"{outcome.Describe()}: {why}");
            }
            else
            {
                written.Add((outcome, statement));
            }
        }

        return written;
    }

    /// <summary>The reason to decline when no candidate could be written: what was named and why it could not be written, or that nothing was.</summary>
    public static string NothingNamed(Intent intent, IReadOnlyList<string> whyNot, string condition) =>
        whyNot.Count > 0
            ? $"the code names what should happen when {condition}, but it cannot be written here ({string.Join("; ", whyNot)})"
            : intent.AbsenceIsBug
                ? $"the code says the value must be present, so {condition} is a bug where the value is produced, not a case to handle here"
                : $"the code does not show what should happen when {condition} (no guard, 'nothing' return, documentation, test or default to follow)";
}
