using System.Collections.Immutable;
using Heal.Repair.Linking;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Workspace;

/// <summary>
/// One repository opened for analysis: its file index, a frame linker over it, and a Roslyn solution with
/// every C# file of the repository as a document. Read-only: nothing here writes to the repository.
/// </summary>
/// <param name="Index">The files frames may link to.</param>
/// <param name="Linker">Links frames to <paramref name="Index"/>'s files.</param>
/// <param name="Solution">The projects, compiled on demand.</param>
/// <param name="Documents">Repository-relative path → document, for every C# file in a project.</param>
/// <param name="Problems">What could not be loaded (a malformed project file…), in plain sentences.</param>
/// <param name="Loader">Which loader built it, e.g. <c>adhoc</c>.</param>
public sealed record RepositoryWorkspace(
    WorkspaceFileIndex Index,
    FrameLinker Linker,
    Solution Solution,
    ImmutableDictionary<string, DocumentId> Documents,
    ImmutableArray<string> Problems,
    string Loader)
{
    public string Root => Index.Root;

    public Document? GetDocument(string relativePath) =>
        Documents.TryGetValue(relativePath, out var id) ? Solution.GetDocument(id) : null;
}
