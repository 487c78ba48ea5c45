using System.Diagnostics;
using System.Text.Json;
using Heal.Core.Model;
using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Documents;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Handlers.Heal;
using Heal.LanguageServer.Protocol;
using Heal.Pipeline;
using Heal.Pipeline.Hosting;

namespace Heal.LanguageServer;

/// <summary>The publisher: which files carry Heal diagnostics, publishing and clearing them, and asking for fresh code lenses.</summary>
public sealed partial class ServerSession
{
    /// <summary>
    /// Asks the client to request code lenses again (<c>workspace/codeLens/refresh</c>): an editor asks for them when a
    /// file opens, which may be before the first load, and their counts change with every new event. Only when the
    /// client declares <c>workspace.codeLens.refreshSupport</c>. The request is sent here, inside the mutation, so it is
    /// written before any message the server sends after the mutation (StreamJsonRpc writes in call order); its answer
    /// is never awaited, so a mutation cannot stall on the editor.
    /// </summary>
    private void RefreshCodeLenses()
    {
        if (!ClientSupportsCodeLensRefresh(ClientCapabilities))
        {
            return;
        }

        _ = ObserveRefreshAsync(client.RequestAsync("workspace/codeLens/refresh", null!, Lifetime));
    }

    private async Task ObserveRefreshAsync(Task<JsonElement?> answer)
    {
        try
        {
            await answer.ConfigureAwait(false);
        }
        catch (Exception e) when (!Lifetime.IsCancellationRequested)
        {
            await LogAsync($"heal: workspace/codeLens/refresh failed: {e.Message}").ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Exiting: nothing to refresh.
        }
    }

    private static bool ClientSupportsCodeLensRefresh(JsonElement? capabilities) =>
        capabilities is { ValueKind: JsonValueKind.Object } c
        && c.TryGetProperty("workspace", out var workspace) && workspace.ValueKind == JsonValueKind.Object
        && workspace.TryGetProperty("codeLens", out var codeLens) && codeLens.ValueKind == JsonValueKind.Object
        && codeLens.TryGetProperty("refreshSupport", out var refresh) && refresh.ValueKind == JsonValueKind.True;

    private static IEnumerable<string> FilesOf(ErrorEntry? entry) =>
        entry is null || entry.Frames.IsDefaultOrEmpty ? [] : entry.Frames.Select(f => f.RelativePath);

    /// <summary>Publishes diagnostics for every affected file, open or not, and clears files that no longer have any.</summary>
    public async Task PublishAsync()
    {
        var diagnostics = ProtocolConversion.ToDiagnostics(Snapshot, Root, TextOf, DateTimeOffset.UtcNow);
        foreach (var (uri, list) in diagnostics.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, list)).ConfigureAwait(false);
        }

        foreach (var stale in _published.Where(u => !diagnostics.ContainsKey(u)).Order(StringComparer.Ordinal).ToList())
        {
            await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(stale, [])).ConfigureAwait(false);
            _published.Remove(stale);
        }

        _published.UnionWith(diagnostics.Keys);
    }

    /// <summary>
    /// Re-publishes one file from the snapshot's index (its ranges follow the open text); a file that never had Heal
    /// diagnostics and has none now gets nothing. Runs as a mutation.
    /// </summary>
    public async Task PublishFileAsync(string uri)
    {
        // Until the whole store is in, a file is published only once a first pass has completed its errors (else it would
        // show some of them); asking for it here is how a file the editor opens during the load gets one.
        if (!Loaded.IsCompleted && ProtocolConversion.RelativePathOf(Root, uri) is { } file && !_firstPassFiles.Contains(file))
        {
            _openFirst.Request(file);
            return;
        }

        var diagnostics = ProtocolConversion.ToFileDiagnostics(Snapshot, Root, uri, TextOf, DateTimeOffset.UtcNow);
        if (diagnostics.Count == 0 && !_published.Remove(uri))
        {
            return;
        }

        if (diagnostics.Count > 0)
        {
            _published.Add(uri);
        }

        await client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, diagnostics)).ConfigureAwait(false);
    }
}
