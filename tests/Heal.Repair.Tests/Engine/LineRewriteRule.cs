using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Tests.Engine;

/// <summary>
/// A test-only rule: for its exception type, replaces the throwing line with <paramref name="replacement"/>
/// (keeping indentation), or edits <paramref name="editPath"/> instead when given. Proves the engine end to end
/// without depending on the real rules.
/// </summary>
public sealed class LineRewriteRule(string exceptionName, string replacement, string? editPath = null, double confidence = 0.8) : ICrashRule
{
    public string Id => "test-rewrite";

    public bool Matches(CrashSite site) => site.ExceptionName == exceptionName;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var text = site.Throwing.Text;
        var line = text.ToString(site.Throwing.LineSpan);
        var indent = line[..(line.Length - line.TrimStart().Length)];
        var newText = text.Replace(site.Throwing.LineSpan, indent + replacement).ToString();
        var member = site.Throwing.Member is MethodDeclarationSyntax method ? method.Identifier.ValueText : "?";
        return RuleResult.Fix(
            $"The line divides by a count that can be zero (in {member}).",
            "the throwing line was rewritten by the test rule",
            "test-fix",
            confidence,
            [new FileEdit(editPath ?? site.Throwing.RelativePath, newText)],
            [new ConfidenceReason(0.1, "test reason")],
            [new Evidence(site.Throwing.RelativePath, site.Throwing.Frame.Line, line.Trim(), "rewritten line")]);
    }
}
