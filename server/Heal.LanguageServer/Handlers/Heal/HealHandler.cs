using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary>
/// <c>heal/heal</c>: diagnose, validate (build and tests in a worktree) and return the patch as a WorkspaceEdit, in the
/// background, reporting through <c>$/progress</c>. Nothing is delivered and no file is written.
/// </summary>
public sealed class HealHandler(ServerSession session, HealRunner runner) : IHandler<HealHealParams, HealHealResult>
{
    public RequestKind Kind => RequestKind.Background;

    public async Task<HealHealResult> HandleAsync(HealHealParams request, CancellationToken cancellationToken)
    {
        await session.Loaded.WaitAsync(cancellationToken);
        var entry = session.Snapshot.Find(request.GroupId);
        if (entry?.Latest is null || session.Workspace is null)
        {
            throw new LocalRpcException($"heal/heal: no error group '{request.GroupId}' with an event") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
        }

        await using var progress = await WorkDoneProgress.StartAsync(session, request.WorkDoneToken, "Heal", cancellationToken);
        var result = await runner.RunAsync(session.Workspace, entry, progress, cancellationToken);
        return ProtocolConversion.ToHealResult(result, session.Root, session.TextOf);
    }
}
