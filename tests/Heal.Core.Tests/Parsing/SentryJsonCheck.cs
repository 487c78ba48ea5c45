using System.Text;
using Heal.Core.Model;

namespace Heal.Core.Tests.Parsing;

/// <summary>The one check helper for Sentry event JSON: input, expected rendering, expected problems.</summary>
internal static class SentryJsonCheck
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Parses <paramref name="json"/> (both the string and the UTF-8 overloads, which must agree) and returns the event.</summary>
    public static ErrorEvent Parses(string json, params string[] problemsContaining)
    {
        var fromString = ErrorEvent.FromSentryJson(json, ReceivedAt);
        var fromBytes = ErrorEvent.FromSentryJson(Encoding.UTF8.GetBytes(json), ReceivedAt);
        Assert.True(fromString.Succeeded, string.Join("\n", fromString.Problems));
        Assert.Equal(EventDump.Render(fromString.Value!, withContext: true), EventDump.Render(fromBytes.Value!, withContext: true));
        AssertProblems(fromString.Problems, problemsContaining);
        Assert.Equal(json, fromString.Value!.RawJson);
        return fromString.Value!;
    }

    public static void Renders(string json, string expected, bool withContext = false, params string[] problemsContaining)
    {
        var e = Parses(json, problemsContaining);
        Assert.Equal(expected.ReplaceLineEndings("\n").Trim(), EventDump.Render(e, withContext));
    }

    public static void Fails(byte[] utf8, string problemContaining)
    {
        var result = ErrorEvent.FromSentryJson(utf8, ReceivedAt);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ToString().Contains(problemContaining, StringComparison.Ordinal));
    }

    public static void Fails(string json, string problemContaining) => Fails(Encoding.UTF8.GetBytes(json), problemContaining);

    private static void AssertProblems(IReadOnlyList<ParseProblem> actual, string[] expectedFragments)
    {
        var rendered = string.Join("\n", actual);
        Assert.True(expectedFragments.Length == actual.Count, $"expected {expectedFragments.Length} problems, got:\n{rendered}");
        foreach (var fragment in expectedFragments)
        {
            Assert.True(actual.Any(p => p.ToString().Contains(fragment, StringComparison.Ordinal)), $"no problem contains '{fragment}' in:\n{rendered}");
        }
    }
}
