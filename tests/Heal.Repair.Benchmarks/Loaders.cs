using Heal.Repair.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Heal.Repair.Benchmarks;

/// <summary>A loaded solution, what the loader said while loading, and the workspace to dispose.</summary>
public sealed record Loaded(Solution Solution, IReadOnlyList<string> Messages, IDisposable? Workspace) : IDisposable
{
    public void Dispose() => Workspace?.Dispose();
}

/// <summary>The two ways to open a repository: Heal's ad-hoc loader and Roslyn's MSBuildWorkspace.</summary>
public static class Loaders
{
    public const string Adhoc = "adhoc";
    public const string MSBuild = "msbuild";

    public static Task<Loaded> LoadAsync(string loader, string repository, CancellationToken cancellationToken) => loader switch
    {
        Adhoc => LoadAdhocAsync(repository, cancellationToken),
        MSBuild => LoadMSBuildAsync(repository, cancellationToken),
        _ => throw new ArgumentException($"unknown loader {loader} (adhoc or msbuild)"),
    };

    private static async Task<Loaded> LoadAdhocAsync(string repository, CancellationToken cancellationToken)
    {
        var workspace = await AdhocWorkspaceLoader.LoadAsync(repository, cancellationToken);
        return new Loaded(workspace.Solution, workspace.Problems, null);
    }

    /// <summary>
    /// Opens the repository's only solution file, or else each of its project files. No global properties: the design-time
    /// build never runs the Restore target (the repositories are restored beforehand) and reads the packages from
    /// obj/project.assets.json; bench-workspace.sh runs it in a network namespace without interfaces to prove that.
    /// </summary>
    private static async Task<Loaded> LoadMSBuildAsync(string repository, CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        var workspace = MSBuildWorkspace.Create();
        try
        {
            using var failures = workspace.RegisterWorkspaceFailedHandler(e => { lock (messages) { messages.Add($"{e.Diagnostic.Kind}: {e.Diagnostic.Message}"); } });
            var solutions = Directory.GetFiles(repository, "*.sln").Concat(Directory.GetFiles(repository, "*.slnx")).ToArray();
            if (solutions.Length == 1)
            {
                await workspace.OpenSolutionAsync(solutions[0], cancellationToken: cancellationToken);
            }
            else
            {
                var projects = Directory.EnumerateFiles(repository, "*.csproj", SearchOption.AllDirectories)
                    .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                    .Order(StringComparer.Ordinal);
                foreach (var project in projects)
                {
                    if (!workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, project, StringComparison.Ordinal)))
                    {
                        await workspace.OpenProjectAsync(project, cancellationToken: cancellationToken);
                    }
                }
            }

            // The handler and workspace.Diagnostics see the same failures; the handler's copy is kept.
            return new Loaded(workspace.CurrentSolution, messages, workspace);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }
}
