using System.Text.Json;
using Heal.LanguageServer.Protocol;
using Heal.Pipeline;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary>
/// Work-done progress for one long request: the client's <c>workDoneToken</c>, else a token created with
/// <c>window/workDoneProgress/create</c> when the client supports it, else silence. Ends on dispose.
/// </summary>
public sealed class WorkDoneProgress : IProgress<HealProgress>, IAsyncDisposable
{
    private readonly IClient? _client;
    private readonly JsonElement _token;
    private string? _last;

    private WorkDoneProgress(IClient? client, JsonElement token)
    {
        _client = client;
        _token = token;
    }

    public static async Task<WorkDoneProgress> StartAsync(ServerSession session, JsonElement? token, string title, CancellationToken cancellationToken)
    {
        if (token is not { ValueKind: JsonValueKind.String or JsonValueKind.Number } chosen)
        {
            if (!ClientSupportsProgress(session.ClientCapabilities))
            {
                return new WorkDoneProgress(null, default);
            }

            chosen = JsonSerializer.SerializeToElement("heal-" + Guid.NewGuid().ToString("N"));
            await session.Client.RequestAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(chosen), cancellationToken);
        }

        var progress = new WorkDoneProgress(session.Client, chosen);
        await session.Client.NotifyAsync("$/progress", new ProgressParams(chosen, new WorkDoneProgressBegin(title, "starting", 0)));
        return progress;
    }

    public void Report(HealProgress value)
    {
        _last = value.Message;
        // Fire and forget keeps the pipeline from waiting on the editor; the connection orders the notifications.
        _ = _client?.NotifyAsync("$/progress", new ProgressParams(_token, new WorkDoneProgressReport($"{value.Step}: {value.Message}", value.Percentage)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.NotifyAsync("$/progress", new ProgressParams(_token, new WorkDoneProgressEnd(_last)));
        }
    }

    private static bool ClientSupportsProgress(JsonElement? capabilities) =>
        capabilities is { ValueKind: JsonValueKind.Object } c
        && c.TryGetProperty("window", out var window) && window.ValueKind == JsonValueKind.Object
        && window.TryGetProperty("workDoneProgress", out var supported) && supported.ValueKind == JsonValueKind.True;
}
