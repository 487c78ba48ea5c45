using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary><c>heal/errorDetails</c>: the group's Markdown and structured summary.</summary>
public sealed class ErrorDetailsHandler(ServerSession session) : IHandler<HealGroupParams, HealErrorDetailsResult>
{
    public RequestKind Kind => RequestKind.ReadOnly;

    public Task<HealErrorDetailsResult> HandleAsync(HealGroupParams request, CancellationToken cancellationToken)
    {
        var entry = session.Snapshot.Find(request.GroupId)
            ?? throw new LocalRpcException($"heal/errorDetails: no error group '{request.GroupId}'") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
        return Task.FromResult(new HealErrorDetailsResult(ProtocolConversion.ToMarkdown(entry, DateTimeOffset.UtcNow), ProtocolConversion.ToSummary(entry, session.Workspace!.Root)));
    }
}
