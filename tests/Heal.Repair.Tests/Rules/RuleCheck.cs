using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>The one check helper for rules: a fixture before, the expected files after (or a decline).</summary>
public static class RuleCheck
{
    /// <summary>
    /// Asserts that <paramref name="rule"/> fixes the crash and that each file in <paramref name="after"/>
    /// (same <c>//- path</c> format, markers not needed) is exactly the rule's new text, and that no other file changed.
    /// </summary>
    public static RuleResult Fixes(ICrashRule rule, string before, string exceptionType, string message, string after, Func<CrashSite, CrashSite>? adjust = null)
    {
        var site = RuleFixture.Build(before, exceptionType, message);
        site = adjust?.Invoke(site) ?? site;
        Assert.True(rule.Matches(site), $"{rule.Id} does not match {exceptionType}: {message}");
        var result = rule.Apply(site, CancellationToken.None);
        Assert.NotNull(result);
        Assert.False(result!.IsDecline, $"{rule.Id} declined: {result.DeclineReason}");
        var linked = new[] { site.Throwing }.Concat(site.Callers).Select(s => s.RelativePath).ToHashSet(StringComparer.Ordinal);
        Assert.All(result.Edits, e => Assert.True(linked.Contains(e.RelativePath), $"{rule.Id} edited {e.RelativePath}, which no linked frame is in"));
        var expected = RuleFixture.ParseFiles(after);
        var actual = result.Edits.ToDictionary(e => e.RelativePath, e => Normalize(e.NewText), StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, text) in expected)
        {
            Assert.Equal(Normalize(text), actual[path]);
        }

        AssertCompilesAsBefore(site, result);
        Assert.InRange(result.Confidence, 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(result.RootCause));
        Assert.False(string.IsNullOrWhiteSpace(result.Why));
        return result;
    }

    /// <summary>Asserts that the rule declines (or does not apply) and, when it declines, that the reason mentions <paramref name="reasonContains"/>.</summary>
    public static void Declines(ICrashRule rule, string before, string exceptionType, string message, string reasonContains, Func<CrashSite, CrashSite>? adjust = null)
    {
        var site = RuleFixture.Build(before, exceptionType, message);
        site = adjust?.Invoke(site) ?? site;
        var result = rule.Matches(site) ? rule.Apply(site, CancellationToken.None) : null;
        if (result is null)
        {
            return;
        }

        Assert.True(result.IsDecline, $"{rule.Id} proposed a fix where it should decline:\n{string.Join("\n", result.Edits.Select(e => e.NewText))}");
        Assert.Contains(reasonContains, result.DeclineReason!, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Asserts that the crash is not of the rule's class: it does not match, or it answers null.</summary>
    public static void DoesNotApply(ICrashRule rule, string before, string exceptionType, string message, Func<CrashSite, CrashSite>? adjust = null)
    {
        var site = RuleFixture.Build(before, exceptionType, message);
        site = adjust?.Invoke(site) ?? site;
        var result = rule.Matches(site) ? rule.Apply(site, CancellationToken.None) : null;
        Assert.True(result is null, $"{rule.Id} answered where it does not apply: {result?.DeclineReason ?? result?.RootCause}");
    }

    /// <summary>The patched fixture compiles with no error the original did not already have.</summary>
    internal static void AssertCompilesAsBefore(CrashSite site, RuleResult result)
    {
        var solution = site.Throwing.Document.Project.Solution;
        var before = Errors(solution.GetProject(site.Throwing.Document.Project.Id)!);
        foreach (var edit in result.Edits)
        {
            var document = solution.Projects.SelectMany(p => p.Documents).Single(d => d.FilePath == RuleFixture.BuildRoot + edit.RelativePath);
            solution = solution.WithDocumentText(document.Id, Microsoft.CodeAnalysis.Text.SourceText.From(edit.NewText));
        }

        var after = Errors(solution.GetProject(site.Throwing.Document.Project.Id)!);
        var introduced = after.Except(before).ToList();
        Assert.True(introduced.Count == 0, "the patch introduces compile errors:\n" + string.Join("\n", introduced));
    }

    private static HashSet<string> Errors(Microsoft.CodeAnalysis.Project project) =>
        project.GetCompilationAsync().GetAwaiter().GetResult()!.GetDiagnostics()
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToHashSet(StringComparer.Ordinal);

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n', ' ') + "\n";
}
