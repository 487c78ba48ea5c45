using System.Text;
using Heal.Core.Model;

namespace Heal.Core.Tests.Parsing;

/// <summary>The one check helper for pasted stack traces: the text, and the chain and frames expected in Sentry order.</summary>
internal static class TraceCheck
{
    public static void Parses(string text, string expected, params string[] problemsContaining)
    {
        var result = ErrorEvent.FromStackTraceText(text);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var rendered = string.Join("\n", result.Problems);
        Assert.True(problemsContaining.Length == result.Problems.Length, $"expected {problemsContaining.Length} problems, got:\n{rendered}");
        foreach (var fragment in problemsContaining)
        {
            Assert.Contains(result.Problems, p => p.ToString().Contains(fragment, StringComparison.Ordinal));
        }

        Assert.Equal(expected.ReplaceLineEndings("\n").Trim(), Render(result.Value!));
        Assert.Null(result.Value!.RawJson);
        Assert.Equal(result.Value.Id, ErrorEvent.FromStackTraceText(text).Value!.Id);
    }

    public static void Fails(string text, string problemContaining)
    {
        var result = ErrorEvent.FromStackTraceText(text);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ToString().Contains(problemContaining, StringComparison.Ordinal));
    }

    private static string Render(ErrorEvent e)
    {
        var text = new StringBuilder(e.Platform).Append('\n');
        foreach (var exception in e.Exceptions)
        {
            text.Append($"{exception.Type}: {exception.Value}\n");
            foreach (var f in exception.Frames)
            {
                var inApp = f.InApp switch { true => "app", false => "lib", null => "?" };
                text.Append($"  {f.Module} | {f.Function} | {f.File} | {f.Line}:{f.Column} | {inApp}");
                text.Append(f.ContextLine is null ? "\n" : $" | {f.ContextLine}\n");
            }
        }

        return text.ToString().TrimEnd('\n');
    }
}
