namespace Heal.LanguageServer.Handlers.Lifecycle;

/// <summary><c>exit</c>: ends the process, with code 0 after <c>shutdown</c> and 1 otherwise.</summary>
public sealed class ExitHandler(ServerSession session) : IHandler<NoParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Immediate;

    public Task<NoResult?> HandleAsync(NoParams request, CancellationToken cancellationToken)
    {
        session.Exit();
        return Task.FromResult(NoResult.None);
    }
}
