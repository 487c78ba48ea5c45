using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.TextSync;

/// <summary><c>textDocument/didChange</c>: applies full or ranged changes (UTF-16 positions) in order.</summary>
public sealed class DidChangeHandler(ServerSession session) : IHandler<DidChangeTextDocumentParams, NoResult?>
{
    public RequestKind Kind => RequestKind.Mutating;

    public async Task<NoResult?> HandleAsync(DidChangeTextDocumentParams request, CancellationToken cancellationToken)
    {
        session.Documents.Change(request.TextDocument.Uri, request.TextDocument.Version, request.ContentChanges.Select(ProtocolConversion.ToTextChange).ToList());
        await session.PublishFileAsync(request.TextDocument.Uri);
        return NoResult.None;
    }
}
