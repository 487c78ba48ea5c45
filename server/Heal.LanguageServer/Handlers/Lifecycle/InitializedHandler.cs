namespace Heal.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// <c>initialized</c>: starts loading the errors in the background (progress through <c>$/progress</c>); the snapshot is
/// published and followed once loaded. Returns at once.
/// </summary>
public sealed class InitializedHandler(ServerSession session) : IHandler<NoParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Mutating;

    public Task<NoResult?> HandleAsync(NoParams request, CancellationToken cancellationToken)
    {
        session.StartLoading();
        return Task.FromResult<NoResult?>(NoResult.None);
    }
}
