using System.Collections.Immutable;
using System.Xml.Linq;

namespace Heal.Validation.Dotnet;

/// <summary>The results of one <c>dotnet test</c> run, read from its TRX file.</summary>
public sealed record TrxReport(int Total, int Passed, int Failed, ImmutableArray<FailedTest> Failures)
{
    private static readonly XNamespace s_ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxReport Empty { get; } = new(0, 0, 0, ImmutableArray<FailedTest>.Empty);

    /// <summary>Reads a TRX document; a file that is not TRX gives null.</summary>
    public static TrxReport? Parse(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        var results = document.Descendants(s_ns + "UnitTestResult").ToList();
        if (document.Root?.Name != s_ns + "TestRun")
        {
            return null;
        }

        var failures = results
            .Where(r => (string?)r.Attribute("outcome") == "Failed")
            .Select(r => new FailedTest(
                (string?)r.Attribute("testName") ?? "?",
                FirstLine(r.Descendants(s_ns + "Message").FirstOrDefault()?.Value),
                r.Descendants(s_ns + "StackTrace").FirstOrDefault()?.Value?.Trim() ?? string.Empty))
            .ToImmutableArray();
        var passed = results.Count(r => (string?)r.Attribute("outcome") == "Passed");
        return new TrxReport(results.Count, passed, failures.Length, failures);
    }

    public TrxReport Add(TrxReport other) =>
        new(Total + other.Total, Passed + other.Passed, Failed + other.Failed, Failures.AddRange(other.Failures));

    private static string FirstLine(string? text) =>
        text is null ? string.Empty : text.Trim().Split('\n')[0].Trim();
}
