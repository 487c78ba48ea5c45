using Heal.LanguageServer.Documents;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.TextSync;

/// <summary><c>textDocument/didOpen</c>: the editor's text becomes the truth for that file; its diagnostics are re-published.</summary>
public sealed class DidOpenHandler(ServerSession session) : IHandler<DidOpenTextDocumentParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Mutating;

    public async Task<NoResult?> HandleAsync(DidOpenTextDocumentParams request, CancellationToken cancellationToken)
    {
        var document = request.TextDocument;
        session.Documents.Open(new TextDocument(document.Uri, document.Version, document.Text));
        await session.PublishFileAsync(document.Uri);
        return NoResult.None;
    }
}
