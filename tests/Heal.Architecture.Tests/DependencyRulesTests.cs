using System.Xml.Linq;

namespace Heal.Architecture.Tests;

/// <summary>
/// Dependencies point one way (docs/ARCHITECTURE.md). This table is the only allowed set of project edges
/// between product projects; adding an edge means updating the architecture doc in the same change.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly IReadOnlyDictionary<string, string[]> s_allowed = new Dictionary<string, string[]>
    {
        ["Heal.Core"] = [],
        ["Heal.Sdk"] = [],
        ["Heal.Feed"] = ["Heal.Core"],
        ["Heal.Repair"] = ["Heal.Core"],
        ["Heal.Validation"] = ["Heal.Core"],
        ["Heal.Delivery"] = ["Heal.Core"],
        ["Heal.Pipeline"] = ["Heal.Core", "Heal.Feed", "Heal.Repair", "Heal.Validation", "Heal.Delivery"],
        ["Heal.LanguageServer"] = ["Heal.Core", "Heal.Pipeline"],
        ["Heal.Cli"] = ["Heal.Core", "Heal.Feed", "Heal.Repair", "Heal.Validation", "Heal.Delivery", "Heal.Pipeline", "Heal.LanguageServer"],
        // vs-extension/: the editor talks to the server over LSP only, so it references no server project.
        ["Heal.VisualStudio.Core"] = [],
        ["Heal.VisualStudio"] = ["Heal.VisualStudio.Core"],
        ["Heal.VisualStudio.Packaging"] = [],
    };

    public static TheoryData<string> ServerProjects() => new(ServerProjectNames());

    public static TheoryData<string> VisualStudioProjects() => new(ProjectNamesUnder("vs-extension"));

    private static IEnumerable<string> ServerProjectNames() => ProjectNamesUnder("server");

    private static IEnumerable<string> ProjectNamesUnder(string folder) =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, folder))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(ServerProjects))]
    [MemberData(nameof(VisualStudioProjects))]
    public void ProjectReferences_ProductProject_OnlyAllowedEdges(string project)
    {
        Assert.True(s_allowed.TryGetValue(project, out var allowed), $"{project} is not in the dependency table; add it here and to docs/ARCHITECTURE.md.");
        var references = ProjectReferencesOf(project);
        var unexpected = references.Except(allowed!).ToList();
        Assert.True(unexpected.Count == 0, $"{project} references {string.Join(", ", unexpected)}, which docs/ARCHITECTURE.md does not allow.");
    }

    [Fact]
    public void ArchitectureDoc_EveryServerProject_HasAHeadingWithInvariantAndBoundary()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "ARCHITECTURE.md"));
        foreach (var project in ServerProjectNames())
        {
            var heading = $"### {project}";
            var start = doc.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/ARCHITECTURE.md has no '{heading}' section.");
            var next = doc.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
            var section = next < 0 ? doc[start..] : doc[start..next];
            Assert.Contains("**Invariant:**", section, StringComparison.Ordinal);
            Assert.Contains("**Boundary:**", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ArchitectureDoc_VsExtension_HasAHeadingWithInvariantAndBoundary()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "ARCHITECTURE.md"));
        var start = doc.IndexOf("### vs-extension", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/ARCHITECTURE.md has no '### vs-extension' section.");
        var next = doc.IndexOf("\n### ", start + 4, StringComparison.Ordinal);
        var section = next < 0 ? doc[start..] : doc[start..next];
        Assert.Contains("**Invariant:**", section, StringComparison.Ordinal);
        Assert.Contains("**Boundary:**", section, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ProjectReferencesOf(string project)
    {
        var folder = Directory.Exists(Path.Combine(RepositoryRoot.Path, "server", project)) ? "server" : "vs-extension";
        var path = Path.Combine(RepositoryRoot.Path, folder, project, project + ".csproj");
        return XDocument.Load(path)
            .Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }
}
