using System.Text.Json;
using System.Text.Json.Serialization;
using Heal.LanguageServer.Transport;
using StreamJsonRpc;

namespace Heal.LanguageServer;

/// <summary>
/// Wires one connection: LSP base-protocol framing (<c>Content-Length</c> headers) over the given streams, read by
/// <see cref="LspMessageHandler"/> so that bad input is answered and never ends the connection; System.Text.Json with
/// camelCase names and no nulls; the handler table; and the session. Returns the process exit code: 0 when
/// <c>exit</c> follows <c>shutdown</c>, 1 otherwise (including the editor closing the pipe).
/// </summary>
public static class LanguageServerHost
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = JsonOptions };
        using var rpc = new HealJsonRpc(new LspMessageHandler(input, output, formatter, log), log);
        rpc.Disconnected += (_, e) => log.WriteLine($"heal: the connection closed ({e.Reason}): {e.Description}{(e.Exception is null ? "" : " — " + e.Exception)}");
        var session = new ServerSession(new JsonRpcClient(rpc), new RequestQueue(), log);
        await using (session.ConfigureAwait(false))
        {
            HandlerTable.Register(rpc, session, JsonOptions);
            rpc.StartListening();
            var finished = await Task.WhenAny(rpc.Completion, session.Exited, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            return finished == session.Exited && await session.Exited.ConfigureAwait(false) ? 0 : 1;
        }
    }
}
