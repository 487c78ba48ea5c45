using System.Reflection;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Heal.LanguageServer.Handlers;

/// <summary>
/// What StreamJsonRpc calls for one method: reads the params into the handler's type (bad params are an InvalidParams
/// error saying where, never a crash; see <see cref="ParamsReader"/>) and enqueues the handler synchronously, so arrival
/// order is kept.
/// </summary>
public sealed class HandlerAdapter<TParams, TResult>(string method, IHandler<TParams, TResult> handler, ServerSession session, JsonSerializerOptions options)
{
    public const int ServerNotInitialized = -32002;

    public static MethodInfo InvokeMethod { get; } = typeof(HandlerAdapter<TParams, TResult>).GetMethod(nameof(InvokeAsync))!;

    public Task<TResult> InvokeAsync(JsonElement? @params = null, CancellationToken cancellationToken = default)
    {
        if (!session.Initialized && handler.Kind != RequestKind.Immediate)
        {
            throw new LocalRpcException($"{method}: the server is not initialized") { ErrorCode = ServerNotInitialized };
        }

        var request = @params is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } json
            ? ParamsReader.Read<TParams>(json, options, $"{method}: invalid params")
            : typeof(TParams) == typeof(NoParams) ? (TParams)(object)new NoParams() : throw ParamsReader.Invalid($"{method}: params are missing");

        return session.Queue.Enqueue(handler.Kind, ct => handler.HandleAsync(request, ct), cancellationToken);
    }
}
