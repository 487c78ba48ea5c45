using System.Text.Json;

namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>InitializeParams</c>: the parts Heal reads.</summary>
/// <param name="InitializationOptions">Heal reads <c>store</c> (a feed store path) from it.</param>
public sealed record InitializeParams(int? ProcessId, string? RootUri, string? RootPath, IReadOnlyList<WorkspaceFolder>? WorkspaceFolders, JsonElement? InitializationOptions, JsonElement? Capabilities);
