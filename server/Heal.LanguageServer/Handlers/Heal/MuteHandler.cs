using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary><c>heal/mute</c>: sets the group muted in the store, reloads and re-publishes (its diagnostics disappear).</summary>
public sealed class MuteHandler(ServerSession session) : IHandler<HealGroupParams, HealMuteResult>
{
    public RequestKind Kind => RequestKind.Mutating;

    public async Task<HealMuteResult> HandleAsync(HealGroupParams request, CancellationToken cancellationToken)
    {
        var muted = await session.Workspace!.MuteAsync(request.GroupId, cancellationToken);
        await session.RefreshAsync(cancellationToken);
        return new HealMuteResult(muted);
    }
}
