using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.TextSync;

/// <summary><c>textDocument/didClose</c>: the file on disk is the truth again; its diagnostics stay (Problems panel).</summary>
public sealed class DidCloseHandler(ServerSession session) : IHandler<DidCloseTextDocumentParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Mutating;

    public async Task<NoResult?> HandleAsync(DidCloseTextDocumentParams request, CancellationToken cancellationToken)
    {
        session.Documents.Close(request.TextDocument.Uri);
        await session.PublishFileAsync(request.TextDocument.Uri);
        return NoResult.None;
    }
}
