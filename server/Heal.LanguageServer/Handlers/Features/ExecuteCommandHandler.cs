using System.Text.Json;
using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Handlers.Heal;
using Heal.LanguageServer.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Heal.LanguageServer.Handlers.Features;

/// <summary>
/// <c>workspace/executeCommand</c> for generic clients: each heal command forwards its one argument to the matching
/// <c>heal/*</c> handler, scheduled as that handler is (mute as a mutation, heal in the background).
/// </summary>
public sealed class ExecuteCommandHandler(ServerSession session, HealHandler heal, MuteHandler mute, ErrorDetailsHandler details, JsonSerializerOptions options)
    : IHandler<ExecuteCommandParams, object?>
{
    public RequestKind Kind => RequestKind.Immediate;

    public Task<object?> HandleAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        var argument = request.Arguments is [var first, ..] ? first : default;
        return request.Command switch
        {
            ProtocolConversion.HealCommand => Forward(heal, argument, cancellationToken),
            ProtocolConversion.MuteCommand => Forward(mute, argument, cancellationToken),
            ProtocolConversion.DetailsCommand => Forward(details, argument, cancellationToken),
            _ => throw new LocalRpcException($"workspace/executeCommand: unknown command '{request.Command}'") { ErrorCode = (int)JsonRpcErrorCode.InvalidParams },
        };
    }

    private async Task<object?> Forward<TParams, TResult>(IHandler<TParams, TResult> handler, JsonElement argument, CancellationToken cancellationToken)
    {
        var parameters = argument.ValueKind == JsonValueKind.Object
            ? ParamsReader.Read<TParams>(argument, options, "workspace/executeCommand: invalid argument")
            : throw ParamsReader.Invalid("workspace/executeCommand: the command needs one object argument");

        return await session.Queue.Enqueue(handler.Kind, ct => handler.HandleAsync(parameters, ct), cancellationToken);
    }
}
