using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/hover</c>: on a flagged line, the error's Markdown (event text escaped); elsewhere null.</summary>
public sealed class HoverHandler(ServerSession session) : IHandler<TextDocumentPositionParams, Hover?>
{
    public RequestKind Kind => RequestKind.ReadOnly;

    public Task<Hover?> HandleAsync(TextDocumentPositionParams request, CancellationToken cancellationToken) =>
        Task.FromResult(ProtocolConversion.ToHover(session.Snapshot, session.Root, request.TextDocument.Uri, request.Position, session.TextOf, DateTimeOffset.UtcNow));
}
