using System.Text.Json;
using Heal.LanguageServer.Conversion;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;

namespace Heal.LanguageServer.Handlers.Lifecycle;

/// <summary><c>initialize</c>: opens the workspace's error source and answers the capabilities.</summary>
public sealed class InitializeHandler(ServerSession session) : IHandler<InitializeParams, InitializeResult>
{
    public static readonly IReadOnlyList<string> Commands = [ProtocolConversion.HealCommand, ProtocolConversion.DetailsCommand, ProtocolConversion.MuteCommand];

    public RequestKind Kind => RequestKind.Immediate;

    public Task<InitializeResult> HandleAsync(InitializeParams request, CancellationToken cancellationToken)
    {
        var root = FileUri.ToPath(request.WorkspaceFolders?.FirstOrDefault()?.Uri ?? request.RootUri) ?? request.RootPath ?? Directory.GetCurrentDirectory();
        var store = request.InitializationOptions is { ValueKind: JsonValueKind.Object } options && options.TryGetProperty("store", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        session.Initialize(HealWorkspace.Open(root, store), request.Capabilities);
        return Task.FromResult(new InitializeResult(
            new ServerCapabilities(new TextDocumentSyncOptions(true, 2), true, new CodeLensOptions(false), new CodeActionOptions(["quickfix"]), new ExecuteCommandOptions(Commands, true)),
            new ServerInfo("heal", "0.1.0")));
    }
}
