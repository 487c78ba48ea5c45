namespace Heal.LanguageServer.Handlers.Lifecycle;

/// <summary><c>shutdown</c>: remembers it, so <c>exit</c> ends with code 0.</summary>
public sealed class ShutdownHandler(ServerSession session) : IHandler<NoParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Immediate;

    public Task<NoResult?> HandleAsync(NoParams request, CancellationToken cancellationToken)
    {
        session.ShutdownRequested = true;
        return Task.FromResult(NoResult.None);
    }
}
