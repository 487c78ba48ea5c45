using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;
using Heal.Pipeline;
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
        HealResult result;
        try
        {
            result = await runner.RunAsync(session.Workspace, entry, progress, cancellationToken);
        }
        catch (HealPreconditionException e)
        {
            // The workspace is not a git working tree with commits: say what to do, as the CLI does.
            throw new LocalRpcException("heal/heal: " + e.Message) { ErrorCode = OpenPullRequestHandler.RequestFailed };
        }

        return ProtocolConversion.ToHealResult(result, session.Root, session.TextOf);
    }
}
