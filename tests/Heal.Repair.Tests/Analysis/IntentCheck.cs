using Heal.Repair.Analysis;
using Heal.Repair.Tests.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Tests.Analysis;

/// <summary>The one check helper for the intent analysis: a fixture, the failing expression on the throwing line, the signals expected.</summary>
public static class IntentCheck
{
    /// <summary>
    /// Collects what the repository says about <paramref name="condition"/> at the expression <paramref name="subject"/> (its text on
    /// the throwing line) and asserts the signals, one per line as <c>kind stance: says @line</c>, in the order found.
    /// </summary>
    public static void Says(string fixture, FailureCondition condition, string subject, string expected,
        string exceptionType = "System.InvalidOperationException", string message = "")
    {
        var intent = Collect(fixture, condition, subject, exceptionType, message);
        var actual = string.Join("\n", intent.Signals.Select(s => $"{s.KindName} {s.Stance}: {s.Says} @{s.Line}"));
        Assert.Equal(Normalize(expected), actual);
    }

    public static Intent Collect(string fixture, FailureCondition condition, string subject, string exceptionType = "System.InvalidOperationException", string message = "")
    {
        var site = RuleFixture.Build(fixture, exceptionType, message);
        var source = site.Throwing;
        var node = source.Root.DescendantNodes(source.LineSpan).OfType<ExpressionSyntax>().FirstOrDefault(e => e.ToString() == subject)
            ?? throw new ArgumentException($"no expression `{subject}` on the throwing line");
        var query = new IntentQuery(condition, site, source, node)
        {
            Anchor = node.FirstAncestorOrSelf<StatementSyntax>(),
            ValueType = source.SemanticModel.GetTypeInfo(node).Type,
        };
        return IntentAnalysis.Collect(query, CancellationToken.None);
    }

    private static string Normalize(string text) => string.Join("\n", text.Trim().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
