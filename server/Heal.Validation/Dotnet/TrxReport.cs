using System.Collections.Immutable;
using System.Xml.Linq;

namespace Heal.Validation.Dotnet;

/// <summary>The results of one or more <c>dotnet test</c> runs, read from their TRX files.</summary>
public sealed record TrxReport(ImmutableArray<TestOutcome> Results)
{
    private static readonly XNamespace s_ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxReport Empty { get; } = new(ImmutableArray<TestOutcome>.Empty);

    public int Total => Results.Length;

    public int Passed => Results.Count(r => r.Passed);

    public int Failed => Results.Count(r => r.Failed);

    public ImmutableArray<FailedTest> Failures =>
        Results.Where(r => r.Failed).Select(r => new FailedTest(r.Name, r.Message, r.StackTrace)).ToImmutableArray();

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

        if (document.Root?.Name != s_ns + "TestRun")
        {
            return null;
        }

        var classes = document.Descendants(s_ns + "UnitTest")
            .Select(u => (Id: (string?)u.Attribute("id"), Class: (string?)u.Element(s_ns + "TestMethod")?.Attribute("className")))
            .Where(u => u.Id is not null && u.Class is not null)
            .DistinctBy(u => u.Id)
            .ToDictionary(u => u.Id!, u => u.Class!, StringComparer.Ordinal);
        var results = document.Descendants(s_ns + "UnitTestResult")
            .Select(r =>
            {
                var name = (string?)r.Attribute("testName") ?? "?";
                var id = (string?)r.Attribute("testId");
                var className = id is not null && classes.TryGetValue(id, out var c) ? c : name.Contains('.') ? name[..name.LastIndexOf('.')] : "";
                return new TestOutcome(
                    className, name, (string?)r.Attribute("outcome") ?? "",
                    FirstLine(r.Descendants(s_ns + "Message").FirstOrDefault()?.Value),
                    r.Descendants(s_ns + "StackTrace").FirstOrDefault()?.Value?.Trim() ?? string.Empty);
            })
            .ToImmutableArray();
        return new TrxReport(results);
    }

    public TrxReport Add(TrxReport other) => new(Results.AddRange(other.Results));

    public TrxReport Where(Func<TestOutcome, bool> predicate) => new(Results.Where(predicate).ToImmutableArray());

    private static string FirstLine(string? text) =>
        text is null ? string.Empty : text.Trim().Split('\n')[0].Trim();
}
