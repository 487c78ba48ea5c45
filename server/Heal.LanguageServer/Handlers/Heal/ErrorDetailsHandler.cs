using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary><c>heal/errorDetails</c>: the group's Markdown and structured summary.</summary>
public sealed class ErrorDetailsHandler(ServerSession session) : IHandler<HealGroupParams, HealErrorDetailsResult>
{
    public RequestKind Kind => RequestKind.ReadOnly;

    public async Task<HealErrorDetailsResult> HandleAsync(HealGroupParams request, CancellationToken cancellationToken)
    {
        await session.Loaded.WaitAsync(cancellationToken);
        var entry = session.Snapshot.Find(request.GroupId)
            ?? throw new LocalRpcException($"heal/errorDetails: no error group '{request.GroupId}'") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
        return new HealErrorDetailsResult(ProtocolConversion.ToMarkdown(entry, DateTimeOffset.UtcNow), ProtocolConversion.ToSummary(entry, session.Root));
    }
}
