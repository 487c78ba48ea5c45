using System.Text.Json;
using StreamJsonRpc;

namespace Heal.LanguageServer;

/// <summary><see cref="IClient"/> over the connection's <see cref="JsonRpc"/>. A closed connection drops notifications silently.</summary>
public sealed class JsonRpcClient(JsonRpc rpc) : IClient
{
    public async Task NotifyAsync(string method, object parameters)
    {
        try
        {
            await rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (ConnectionLostException)
        {
            // The editor went away; nothing is waiting for this notification.
        }
        catch (ObjectDisposedException)
        {
            // Same: the connection was closed during exit.
        }
    }

    public Task<JsonElement?> RequestAsync(string method, object parameters, CancellationToken cancellationToken) =>
        rpc.InvokeWithParameterObjectAsync<JsonElement?>(method, parameters, cancellationToken);
}
