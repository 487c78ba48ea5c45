using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Heal.LanguageServer.Transport;

/// <summary>
/// <see cref="JsonRpc"/> whose errors carry only our own messages. StreamJsonRpc answers a handler's exception with its
/// message and, in <c>data</c>, its type and stack trace; here a <see cref="LocalRpcException"/> (the handlers' precise,
/// deliberate errors) keeps its code and message, and anything else becomes "internal error" on the wire while the full
/// exception goes to stderr.
/// </summary>
public sealed class HealJsonRpc(IJsonRpcMessageHandler handler, TextWriter log) : JsonRpc(handler)
{
    public const string InternalErrorMessage = "internal error (the server's log has the details)";

    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        if (exception is LocalRpcException local)
        {
            return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)local.ErrorCode, Message = local.Message };
        }

        log.WriteLine($"heal: {request.Method} (id {request.RequestId}) failed: {exception}");
        return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InternalError, Message = $"{request.Method}: {InternalErrorMessage}" };
    }
}
