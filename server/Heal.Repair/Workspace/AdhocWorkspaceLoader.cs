using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Heal.Repair.Linking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Workspace;

/// <summary>
/// Loads a repository's C# projects offline without MSBuild: each <c>.csproj</c> gets the <c>.cs</c> files
/// under its directory (minus bin/obj and nested projects), its project references, the framework's
/// reference assemblies and, when a restore left <c>obj/project.assets.json</c>, its packages' compile
/// assemblies from the NuGet cache. C# files outside every project form one extra project, so a frame in a
/// script or a repository without project files can still be analysed. It does not evaluate MSBuild logic
/// (conditions, targets, source generators): good enough for semantic analysis of a crash site, which
/// tolerates a few unresolved symbols.
/// </summary>
public static class AdhocWorkspaceLoader
{
    public const string LoaderName = "adhoc";

    private static readonly string[] s_implicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] s_hostingUsings =
        ["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];

    private static readonly string[] s_webUsings =
        ["System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing"];

    public static Task<RepositoryWorkspace> LoadAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        Task.Run(() => Load(WorkspaceFileIndex.Build(repositoryRoot), cancellationToken), cancellationToken);

    public static RepositoryWorkspace Load(WorkspaceFileIndex index, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var projects = new List<ProjectFile>();
        foreach (var path in index.Files.Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)))
        {
            var (project, problem) = ProjectFile.Read(index.FullPath(path)!, index.Root);
            if (project is not null)
            {
                projects.Add(project);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        // Each C# file belongs to the project with the deepest directory containing it.
        var projectDirectories = projects
            .Select(p => (Project: p, Relative: Relative(index.Root, p.Directory)))
            .OrderByDescending(p => p.Relative.Length)
            .ToList();
        var filesByProject = projects.ToDictionary(p => p.Path, _ => new List<string>(), StringComparer.Ordinal);
        var loose = new List<string>();
        foreach (var file in index.Files.Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
        {
            var owner = projectDirectories.FirstOrDefault(p => p.Relative.Length == 0 || file.StartsWith(p.Relative + "/", StringComparison.Ordinal));
            if (owner.Project is null)
            {
                loose.Add(file);
            }
            else if (Compiles(owner.Project, file[(owner.Relative.Length == 0 ? 0 : owner.Relative.Length + 1)..]))
            {
                filesByProject[owner.Project.Path].Add(file);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var ids = projects.ToDictionary(p => p.Path, _ => ProjectId.CreateNewId(), StringComparer.Ordinal);
        var documents = ImmutableDictionary.CreateBuilder<string, DocumentId>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var references = ProjectReferences(project, ids, problems);
            solution = AddProject(solution, ids[project.Path], project, filesByProject[project.Path], references, index, documents, cancellationToken);
        }

        if (loose.Count > 0)
        {
            var misc = new ProjectFile(Path.Combine(index.Root, "Miscellaneous.csproj"), "Microsoft.NET.Sdk",
                ImmutableDictionary<string, string>.Empty.Add("ImplicitUsings", "enable").Add("Nullable", "enable"),
                [], [], [], [], []);
            solution = AddProject(solution, ProjectId.CreateNewId(), misc, loose, [], index, documents, cancellationToken);
        }

        return new RepositoryWorkspace(index, new FrameLinker(index), solution, documents.ToImmutable(), [.. problems], LoaderName);
    }

    private static Solution AddProject(
        Solution solution, ProjectId id, ProjectFile project, List<string> files, IEnumerable<ProjectReference> projectReferences,
        WorkspaceFileIndex index, ImmutableDictionary<string, DocumentId>.Builder documents, CancellationToken cancellationToken)
    {
        var targetFramework = project.Property("TargetFramework")
            ?? project.Property("TargetFrameworks")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var frameworks = new List<string> { "Microsoft.NETCore.App" };
        var isWeb = project.Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
            || project.Sdk.StartsWith("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase);
        if (isWeb)
        {
            frameworks.Add("Microsoft.AspNetCore.App");
        }

        frameworks.AddRange(project.FrameworkReferences);
        var references = frameworks.Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(f => ReferenceAssemblies.Framework(f, targetFramework))
            .Concat(ProjectAssets.CompileAssemblies(project.Directory, targetFramework))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(ReferenceAssemblies.Reference)
            .ToList();

        var languageVersion = LanguageVersion.Latest;
        if (project.Property("LangVersion") is { } lang && LanguageVersionFacts.TryParse(lang, out var parsed))
        {
            languageVersion = parsed;
        }

        var symbols = (project.Property("DefineConstants") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(["NET", "NETCOREAPP", "TRACE"]);
        var parseOptions = new CSharpParseOptions(languageVersion, preprocessorSymbols: symbols);
        var outputKind = project.Property("OutputType") is { } type && type.Contains("exe", StringComparison.OrdinalIgnoreCase)
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var compilationOptions = new CSharpCompilationOptions(outputKind,
            nullableContextOptions: project.IsTrue("Nullable") ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            allowUnsafe: project.IsTrue("AllowUnsafeBlocks"),
            checkOverflow: project.IsTrue("CheckForOverflowUnderflow"));

        solution = solution.AddProject(ProjectInfo.Create(
            id, VersionStamp.Default, project.Name, project.AssemblyName, LanguageNames.CSharp,
            filePath: project.Path, compilationOptions: compilationOptions, parseOptions: parseOptions,
            projectReferences: projectReferences, metadataReferences: references));

        var texts = files.AsParallel().WithCancellation(cancellationToken)
            .Select(f => (Relative: f, Text: index.ReadText(f)))
            .Where(f => f.Text is not null)
            .ToList();
        foreach (var (relative, text) in texts.OrderBy(t => t.Relative, StringComparer.Ordinal))
        {
            var documentId = DocumentId.CreateNewId(id, relative);
            documents[relative] = documentId;
            solution = solution.AddDocument(documentId, Path.GetFileName(relative), SourceText.From(text!, Encoding.UTF8), filePath: index.FullPath(relative));
        }

        var usings = GlobalUsings(project, isWeb);
        if (usings.Count > 0)
        {
            var text = string.Concat(usings.Select(u => $"global using global::{u};\n"));
            solution = solution.AddDocument(DocumentId.CreateNewId(id, "implicit usings"), project.Name + ".GlobalUsings.g.cs", SourceText.From(text, Encoding.UTF8));
        }

        return solution;
    }

    /// <summary>The global usings the SDK would generate (<c>ImplicitUsings</c>) plus the project's <c>Using</c> items.</summary>
    private static List<string> GlobalUsings(ProjectFile project, bool isWeb)
    {
        var usings = new List<string>();
        if (project.IsTrue("ImplicitUsings"))
        {
            usings.AddRange(s_implicitUsings);
            if (isWeb || project.Sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(s_hostingUsings);
            }

            if (isWeb)
            {
                usings.AddRange(s_webUsings);
            }
        }

        usings.AddRange(project.Usings);
        return usings.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<ProjectReference> ProjectReferences(ProjectFile project, Dictionary<string, ProjectId> ids, List<string> problems)
    {
        foreach (var reference in project.ProjectReferences)
        {
            if (ids.TryGetValue(reference, out var id))
            {
                yield return new ProjectReference(id);
            }
            else
            {
                problems.Add($"{project.Name}: project reference '{Path.GetFileName(reference)}' is not in the repository.");
            }
        }
    }

    /// <summary>Whether the SDK's default items (or explicit Compile items) include a file, path relative to the project directory.</summary>
    private static bool Compiles(ProjectFile project, string relative)
    {
        var defaults = !string.Equals(project.Property("EnableDefaultCompileItems"), "false", StringComparison.OrdinalIgnoreCase);
        var included = defaults || project.CompileIncludes.Any(p => Glob(p).IsMatch(relative));
        return included && !project.CompileRemoves.Any(p => Glob(p).IsMatch(relative));
    }

    private static Regex Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/').TrimStart('.', '/');
        var regex = "^" + Regex.Escape(normalized).Replace(@"\*\*/", "(.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$";
        return new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string Relative(string root, string directory)
    {
        var relative = Path.GetRelativePath(root, directory).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }
}
