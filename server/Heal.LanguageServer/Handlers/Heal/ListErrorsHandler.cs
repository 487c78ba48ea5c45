using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary><c>heal/listErrors</c>: every group with its frames, for the extension's tree view.</summary>
public sealed class ListErrorsHandler(ServerSession session) : IHandler<NoParams, HealListErrorsResult>
{
    public RequestKind Kind => RequestKind.ReadOnly;

    public async Task<HealListErrorsResult> HandleAsync(NoParams request, CancellationToken cancellationToken)
    {
        await session.Loaded.WaitAsync(cancellationToken);
        return new HealListErrorsResult(session.Snapshot.Entries.Select(e => ProtocolConversion.ToSummary(e, session.Root)).ToList());
    }
}
