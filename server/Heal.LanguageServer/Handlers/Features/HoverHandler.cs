using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Features;

/// <summary><c>textDocument/hover</c>: on a flagged line, the error's Markdown (event text escaped); elsewhere null.</summary>
public sealed class HoverHandler(ServerSession session) : IHandler<TextDocumentPositionParams, Hover?>
{
    public RequestKind Kind => RequestKind.ReadOnly;

    public Task<Hover?> HandleAsync(TextDocumentPositionParams request, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        var snapshot = session.Snapshot;
        var hit = ProtocolConversion.ToFileDiagnostics(snapshot, session.Root, uri, session.TextOf, DateTimeOffset.UtcNow).FirstOrDefault(d => d.Range.Start.Line == request.Position.Line);
        var entry = hit is null ? null : snapshot.Find(hit.Code);
        return Task.FromResult(entry is null ? null : new Hover(ProtocolConversion.ToMarkdown(entry, DateTimeOffset.UtcNow), hit!.Range));
    }
}
