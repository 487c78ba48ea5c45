using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary><c>heal/mute</c>: sets the group muted in the store, re-reads it and re-publishes its files (its diagnostics disappear).</summary>
public sealed class MuteHandler(ServerSession session) : IHandler<HealGroupParams, HealMuteResult>
{
    public RequestKind Kind => RequestKind.Mutating;

    public async Task<HealMuteResult> HandleAsync(HealGroupParams request, CancellationToken cancellationToken)
    {
        await session.Loaded.WaitAsync(cancellationToken);
        var muted = session.Workspace is { } workspace && await workspace.MuteAsync(request.GroupId, cancellationToken);
        if (muted)
        {
            await session.UpdateGroupsAsync([request.GroupId], cancellationToken);
        }

        return new HealMuteResult(muted);
    }
}
