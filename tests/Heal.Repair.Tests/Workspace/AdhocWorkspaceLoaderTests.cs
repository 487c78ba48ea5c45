using Heal.Repair.Workspace;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Tests.Workspace;

public sealed class AdhocWorkspaceLoaderTests
{
    [Fact]
    public async Task LoadAsync_ThreeProjects_EachProjectHasItsFilesAndReferences()
    {
        using var repository = TempRepository.Create(Samples.Shop);

        var workspace = await AdhocWorkspaceLoader.LoadAsync(repository.Root, CancellationToken.None);

        var projects = workspace.Solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["Shop.Api", "Shop.Core", "Shop.Tests"], projects.Select(p => p.Name));
        Assert.Equal(
            ["src/Shop.Api/OrderService.cs", "src/Shop.Api/Program.cs", "src/Shop.Core/Order.cs", "src/Shop.Core/OrderLine.cs", "tests/Shop.Tests/OrderServiceTests.cs"],
            workspace.Documents.Keys.Order(StringComparer.Ordinal));
        var api = projects[0];
        Assert.Equal(["Shop.Core"], api.ProjectReferences.Select(r => workspace.Solution.GetProject(r.ProjectId)!.Name));
        Assert.Empty(workspace.Problems);
    }

    [Theory]
    [InlineData("Shop.Core")]
    [InlineData("Shop.Api")]
    [InlineData("Shop.Tests")]
    public async Task LoadAsync_ThreeProjects_CompilesWithoutErrors(string projectName)
    {
        using var repository = TempRepository.Create(Samples.Shop);
        var workspace = await AdhocWorkspaceLoader.LoadAsync(repository.Root, CancellationToken.None);

        var compilation = await workspace.Solution.Projects.Single(p => p.Name == projectName).GetCompilationAsync();

        // Implicit usings, cross-project types and the framework's reference assemblies all resolve.
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public async Task LoadAsync_NoProjectFiles_LooseFilesFormOneProject()
    {
        using var repository = TempRepository.Create("""
            //- Script.cs
            public static class Script { public static int Twice(int x) => x * 2; }
            //- tools/Tool.cs
            public static class Tool { public static int Run() => Script.Twice(2); }
            """);

        var workspace = await AdhocWorkspaceLoader.LoadAsync(repository.Root, CancellationToken.None);

        var project = Assert.Single(workspace.Solution.Projects);
        var compilation = await project.GetCompilationAsync();
        Assert.Equal(["Script.cs", "tools/Tool.cs"], workspace.Documents.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task LoadAsync_MalformedProjectFile_ReportsProblemAndLoadsTheRest()
    {
        using var repository = TempRepository.Create(Samples.Shop + "\n//- src/Broken/Broken.csproj\n<Project\n//- src/Broken/Broken.cs\nclass Broken { }\n");

        var workspace = await AdhocWorkspaceLoader.LoadAsync(repository.Root, CancellationToken.None);

        Assert.Contains(workspace.Problems, p => p.StartsWith("Broken.csproj:", StringComparison.Ordinal));
        Assert.Contains("src/Shop.Api/OrderService.cs", workspace.Documents.Keys);
    }

    [Fact]
    public async Task LoadAsync_CompileRemove_ExcludesFile()
    {
        using var repository = TempRepository.Create("""
            //- App/App.csproj
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <Compile Remove="Legacy/**" />
              </ItemGroup>
            </Project>
            //- App/Main.cs
            class Main { }
            //- App/Legacy/Old.cs
            class Old { }
            """);

        var workspace = await AdhocWorkspaceLoader.LoadAsync(repository.Root, CancellationToken.None);

        Assert.Equal(["App/Main.cs"], workspace.Documents.Keys);
    }

    [Fact]
    public async Task LoadAsync_RestoredPackages_ReferencesTheirCompileAssemblies()
    {
        // A restore's assets file pointing at a package folder made here: the loader must not restore anything.
        using var repository = TempRepository.Create("""
            //- App/App.csproj
            <Project Sdk="Microsoft.NET.Sdk" />
            //- App/Main.cs
            class Main { }
            """);
        var packages = Path.Combine(repository.Root, "packages");
        var dll = Path.Combine(packages, "fake.lib", "1.0.0", "lib", "net10.0", "Fake.Lib.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.Copy(typeof(AdhocWorkspaceLoader).Assembly.Location, dll);
        repository.Write("App/obj/project.assets.json", $$"""
            {
              "version": 3,
              "targets": { "net10.0": { "Fake.Lib/1.0.0": { "type": "package", "compile": { "lib/net10.0/Fake.Lib.dll": {} } } } },
              "libraries": { "Fake.Lib/1.0.0": { "type": "package", "path": "fake.lib/1.0.0" } },
              "packageFolders": { "{{packages.Replace("\\", "\\\\")}}/": {} }
            }
            """);

        var workspace = await AdhocWorkspaceLoader.LoadAsync(repository.Root, CancellationToken.None);

        var references = Assert.Single(workspace.Solution.Projects).MetadataReferences.OfType<PortableExecutableReference>();
        Assert.Contains(references, r => r.FilePath == Path.Combine(packages, "fake.lib/1.0.0", "lib/net10.0/Fake.Lib.dll"));
    }
}
