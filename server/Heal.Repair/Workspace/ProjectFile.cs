using System.Collections.Immutable;
using System.Xml.Linq;

namespace Heal.Repair.Workspace;

/// <summary>
/// What the ad-hoc loader reads from a <c>.csproj</c> (and the <c>Directory.Build.props</c> files above it)
/// without running MSBuild: enough to compile the project's sources for semantic analysis, not to build it.
/// </summary>
/// <param name="Path">Absolute path of the project file.</param>
/// <param name="Sdk">The project SDK, e.g. <c>Microsoft.NET.Sdk.Web</c>.</param>
/// <param name="Properties">The last value of each property, Directory.Build.props first then the project.</param>
/// <param name="ProjectReferences">Absolute paths of referenced projects.</param>
/// <param name="Usings">Global usings from <c>&lt;Using Include="…"/&gt;</c> items.</param>
/// <param name="FrameworkReferences">e.g. <c>Microsoft.AspNetCore.App</c>.</param>
/// <param name="CompileIncludes">Explicit <c>Compile Include</c> patterns, relative to the project directory.</param>
/// <param name="CompileRemoves">Explicit <c>Compile Remove</c> patterns, relative to the project directory.</param>
public sealed record ProjectFile(
    string Path,
    string Sdk,
    ImmutableDictionary<string, string> Properties,
    ImmutableArray<string> ProjectReferences,
    ImmutableArray<string> Usings,
    ImmutableArray<string> FrameworkReferences,
    ImmutableArray<string> CompileIncludes,
    ImmutableArray<string> CompileRemoves)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string AssemblyName => Property("AssemblyName") ?? Name;

    public string? Property(string name) => Properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool IsTrue(string name) => string.Equals(Property(name), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Property(name), "enable", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a project file; null with the reason when it is not XML.</summary>
    public static (ProjectFile? Project, string? Problem) Read(string path, string repositoryRoot)
    {
        try
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            var usings = new List<string>();
            var frameworks = new List<string>();
            foreach (var props in DirectoryBuildProps(System.IO.Path.GetDirectoryName(path)!, repositoryRoot))
            {
                Collect(XDocument.Load(props).Root!, System.IO.Path.GetDirectoryName(props)!, properties, usings, frameworks, null, null, null);
            }

            var document = XDocument.Load(path);
            var root = document.Root!;
            var references = new List<string>();
            var includes = new List<string>();
            var removes = new List<string>();
            Collect(root, System.IO.Path.GetDirectoryName(path)!, properties, usings, frameworks, references, includes, removes);
            var sdk = root.Attribute("Sdk")?.Value
                ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value
                ?? "Microsoft.NET.Sdk";
            return (new ProjectFile(path, sdk, properties.ToImmutable(), [.. references], [.. usings.Distinct(StringComparer.Ordinal)],
                [.. frameworks.Distinct(StringComparer.OrdinalIgnoreCase)], [.. includes], [.. removes]), null);
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException or UnauthorizedAccessException or NullReferenceException)
        {
            return (null, $"{System.IO.Path.GetFileName(path)}: {e.Message}");
        }
    }

    private static void Collect(
        XElement root, string directory, ImmutableDictionary<string, string>.Builder properties, List<string> usings, List<string> frameworks,
        List<string>? references, List<string>? includes, List<string>? removes)
    {
        foreach (var group in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            foreach (var property in group.Elements())
            {
                properties[property.Name.LocalName] = property.Value.Trim();
            }
        }

        foreach (var item in root.Elements().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements()))
        {
            var include = item.Attribute("Include")?.Value;
            var remove = item.Attribute("Remove")?.Value;
            switch (item.Name.LocalName)
            {
                case "Using" when include is not null && item.Attribute("Static") is null && item.Attribute("Alias") is null:
                    usings.Add(include);
                    break;
                case "FrameworkReference" when include is not null:
                    frameworks.Add(include);
                    break;
                case "ProjectReference" when include is not null && references is not null:
                    references.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, include.Replace('\\', '/'))));
                    break;
                case "Compile" when include is not null && includes is not null:
                    includes.AddRange(include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "Compile" when remove is not null && removes is not null:
                    removes.AddRange(remove.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
            }
        }
    }

    /// <summary>The <c>Directory.Build.props</c> files that apply, outermost first, never above the repository.</summary>
    private static IEnumerable<string> DirectoryBuildProps(string directory, string repositoryRoot)
    {
        var found = new List<string>();
        var current = new DirectoryInfo(directory);
        while (current is not null)
        {
            var props = System.IO.Path.Combine(current.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                found.Add(props);
            }

            if (System.IO.Path.TrimEndingDirectorySeparator(current.FullName) == System.IO.Path.TrimEndingDirectorySeparator(repositoryRoot))
            {
                break;
            }

            current = current.Parent;
        }

        found.Reverse();
        return found;
    }
}
