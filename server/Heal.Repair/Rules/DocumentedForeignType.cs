using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>(B)item</c> on the loop variable of a <c>foreach</c>, in a method (or type) whose documentation says items that are not
/// <c>B</c> are skipped or ignored ("Items that are not books are ignored"): <c>if (item is not B b) continue;</c>. The sentence
/// must name the cast's type after a negation (<c>not</c>, <c>non-</c>, <c>other than</c>) and say skipped; anything else declines.
/// </summary>
internal static class DocumentedForeignType
{
    /// <summary>The fix when the documentation says other types are skipped; null otherwise (the caller declines).</summary>
    public static RuleResult? Skip(CrashSite site, CastExpressionSyntax cast, ExpressionSyntax operand, string rootCause, List<Evidence> evidence)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var statement = RuleKit.GuardableStatement(cast);
        if (source.Member is null || statement is null || !RuleKit.AlwaysEvaluated(cast, statement)
            || ExitPaths.EnclosingLoop(statement, source.Member) is not ForEachStatementSyntax loop
            || operand is not IdentifierNameSyntax name || name.Identifier.ValueText != loop.Identifier.ValueText
            || model.GetTypeInfo(cast.Type).Type is not INamedTypeSymbol target
            || model.GetEnclosingSymbol(cast.SpanStart) is not IMethodSymbol method)
        {
            return null;
        }

        var locator = new IntentLocator(source);
        var negated = NegatedType(target.Name);
        var sentence = new ISymbol[] { method, method.ContainingType }
            .SelectMany(owner => DocSentences.Of(owner, locator))
            .FirstOrDefault(s => ConditionWords.SaysSkipped(s.Text) && negated.IsMatch(s.Text));
        if (sentence is null)
        {
            return null;
        }

        evidence.Add(sentence.ToEvidence("the documentation says other types are skipped"));
        var (edit, hoisted) = InvalidCastRule.PatternMatch(source, statement, cast, operand, "continue;");
        var reasons = new List<(double, string)>
        {
            (0.45, $"a direct cast of the loop's item `{operand}`, which can hold another type"),
            (0.2, $"the documentation says items that are not `{target.Name}` are skipped: {sentence.Text}"),
        };
        if (hoisted)
        {
            reasons.Add((-0.05, "the cast is hoisted into a pattern match before its statement"));
        }

        return RuleKit.Fix(rootCause + $" The documentation says items of other types are skipped.",
            "A direct downcast of each item, in a loop whose documentation says items of other types are skipped.",
            "pattern-match", reasons, evidence, edit);
    }

    /// <summary>"not books", "non-book", "other than an audio book": the type's words after a negation.</summary>
    private static Regex NegatedType(string typeName)
    {
        var words = string.Join(@"[\s-]?", Regex.Split(typeName, "(?<=[a-z0-9])(?=[A-Z])").Select(Regex.Escape));
        return new Regex($@"\b(not|non-?|other than|except)\s*(an?\s+)?{words}(e?s)?\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }
}
