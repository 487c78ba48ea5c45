using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Lifecycle;

/// <summary><c>$/setTrace</c>: remembers the level (Heal's own logs already go to <c>window/logMessage</c>).</summary>
public sealed class SetTraceHandler(ServerSession session) : IHandler<SetTraceParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Immediate;

    public Task<NoResult?> HandleAsync(SetTraceParams request, CancellationToken cancellationToken)
    {
        session.Trace = request.Value;
        return Task.FromResult(NoResult.None);
    }
}
