namespace Heal.LanguageServer.Handlers.Lifecycle;

/// <summary><c>initialized</c>: loads the errors, publishes every affected file and starts following the source.</summary>
public sealed class InitializedHandler(ServerSession session) : IHandler<NoParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Mutating;

    public async Task<NoResult?> HandleAsync(NoParams request, CancellationToken cancellationToken)
    {
        await session.LogAsync($"heal: errors from {session.Workspace!.Source?.Name ?? "(no store at " + session.Workspace.StorePath + ")"}, workspace {session.Workspace.Root}");
        await session.RefreshAsync(session.Lifetime);
        session.StartWatching();
        return NoResult.None;
    }
}
