using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/codeAction</c>: heal, details and mute for the Heal diagnostics in the range.</summary>
public sealed class CodeActionHandler(ServerSession session) : IHandler<CodeActionParams, IReadOnlyList<CodeAction>>
{
    public RequestKind Kind => RequestKind.ReadOnly;

    public Task<IReadOnlyList<CodeAction>> HandleAsync(CodeActionParams request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CodeAction>>(ProtocolConversion.ToCodeActions(request, session.Snapshot));
}
