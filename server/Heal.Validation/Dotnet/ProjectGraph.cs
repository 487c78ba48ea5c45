using System.Collections.Immutable;
using System.Xml.Linq;

namespace Heal.Validation.Dotnet;

/// <summary>
/// The C# projects of a checkout and their project references, read from the <c>.csproj</c> files. Used to
/// build only the projects a patch affects and to run only the tests that can see the change.
/// </summary>
public sealed class ProjectGraph
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _references;

    private ProjectGraph(ImmutableArray<string> projects, ImmutableDictionary<string, ImmutableArray<string>> references, ImmutableHashSet<string> testProjects)
    {
        Projects = projects;
        _references = references;
        TestProjects = testProjects;
    }

    /// <summary>Absolute paths of every project file, deepest folders first.</summary>
    public ImmutableArray<string> Projects { get; }

    public ImmutableHashSet<string> TestProjects { get; }

    public static ProjectGraph Load(string root)
    {
        var projects = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(root, p))
            .Select(Path.GetFullPath)
            .OrderByDescending(p => p.Count(c => c == Path.DirectorySeparatorChar))
            .ThenBy(p => p, StringComparer.Ordinal)
            .ToImmutableArray();
        var references = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var tests = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(project);
            }
            catch (System.Xml.XmlException)
            {
                references[project] = ImmutableArray<string>.Empty;
                continue;
            }

            var directory = Path.GetDirectoryName(project)!;
            references[project] = document.Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => (string?)e.Attribute("Include"))
                .Where(i => !string.IsNullOrEmpty(i))
                .Select(i => Path.GetFullPath(Path.Combine(directory, i!.Replace('\\', '/'))))
                .ToImmutableArray();
            var isTest = document.Descendants().Any(e =>
                (e.Name.LocalName == "IsTestProject" && e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
                || (e.Name.LocalName == "PackageReference" && ((string?)e.Attribute("Include"))?.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase) == true));
            if (isTest)
            {
                tests.Add(project);
            }
        }

        return new ProjectGraph(projects, references.ToImmutable(), tests.ToImmutable());
    }

    /// <summary>The project that compiles <paramref name="file"/> (the nearest project file above it), or null.</summary>
    public string? OwnerOf(string file)
    {
        var full = Path.GetFullPath(file);
        return Projects.FirstOrDefault(p => full.StartsWith(Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>Test projects that are, or transitively reference, one of <paramref name="changedProjects"/>.</summary>
    public ImmutableArray<string> AffectedTestProjects(IReadOnlyCollection<string> changedProjects) =>
        TestProjects.Where(t => changedProjects.Contains(t) || ReachesAny(t, changedProjects, new HashSet<string>(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();

    private bool ReachesAny(string project, IReadOnlyCollection<string> targets, HashSet<string> seen)
    {
        if (!seen.Add(project) || !_references.TryGetValue(project, out var references))
        {
            return false;
        }

        return references.Any(r => targets.Contains(r) || ReachesAny(r, targets, seen));
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.Split('/').Any(s => s is "bin" or "obj" or "node_modules" or ".git");
    }
}
