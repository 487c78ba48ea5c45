using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Heal.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// <c>initialize</c>: records the workspace and its error source and answers the capabilities at once; the source is
/// opened and loaded after <c>initialized</c>, in the background.
/// </summary>
public sealed class InitializeHandler(ServerSession session) : IHandler<InitializeParams, InitializeResult>
{
    public static readonly IReadOnlyList<string> Commands = [ProtocolConversion.HealCommand, ProtocolConversion.DetailsCommand, ProtocolConversion.MuteCommand];

    public RequestKind Kind => RequestKind.Immediate;

    public Task<InitializeResult> HandleAsync(InitializeParams request, CancellationToken cancellationToken)
    {
        if (session.Initialized)
        {
            // LSP: initialize is sent once. A second one must not re-point the server at another workspace or store.
            throw new LocalRpcException("initialize: the server is already initialized") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidRequest };
        }

        var root = FileUri.ToPath(request.WorkspaceFolders?.FirstOrDefault()?.Uri ?? request.RootUri) ?? request.RootPath ?? Directory.GetCurrentDirectory();
        var (sources, problem) = ErrorSourceOptions.Parse(request.InitializationOptions);
        if (problem is not null)
        {
            throw new LocalRpcException("initialize: " + problem) { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
        }

        session.Initialize(root, sources, CodeHostOptions.Parse(request.InitializationOptions), request.Capabilities);
        return Task.FromResult(new InitializeResult(
            new ServerCapabilities(new TextDocumentSyncOptions(true, 2), true, new CodeLensOptions(false), new CodeActionOptions(["quickfix"]), new ExecuteCommandOptions(Commands, true)),
            new ServerInfo("heal", "0.1.0")));
    }
}
