using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/codeLens</c>: one lens above each affected method.</summary>
public sealed class CodeLensHandler(ServerSession session) : IHandler<CodeLensParams, IReadOnlyList<CodeLens>>
{
    public RequestKind Kind => RequestKind.ReadOnly;

    public Task<IReadOnlyList<CodeLens>> HandleAsync(CodeLensParams request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CodeLens>>(ProtocolConversion.ToCodeLenses(session.Snapshot, session.Root, request.TextDocument.Uri, session.TextOf(request.TextDocument.Uri)));
}
