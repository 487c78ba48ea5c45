using System.Text.Json;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Handlers;
using Heal.LanguageServer.Handlers.Features;
using Heal.LanguageServer.Handlers.Heal;
using Heal.LanguageServer.Handlers.Lifecycle;
using Heal.LanguageServer.Handlers.TextSync;
using StreamJsonRpc;

namespace Heal.LanguageServer;

/// <summary>Every LSP method the server answers, in one table: grep here for a method name. No assembly scanning.</summary>
public static class HandlerTable
{
    public static void Register(JsonRpc rpc, ServerSession session, JsonSerializerOptions options)
    {
        var runner = new HealRunner();
        var heal = new HealHandler(session, runner);
        var mute = new MuteHandler(session);
        var details = new ErrorDetailsHandler(session);

        Add(rpc, session, options, "initialize", new InitializeHandler(session));
        Add(rpc, session, options, "initialized", new InitializedHandler(session));
        Add(rpc, session, options, "shutdown", new ShutdownHandler(session));
        Add(rpc, session, options, "exit", new ExitHandler(session));
        Add(rpc, session, options, "$/setTrace", new SetTraceHandler(session));
        Add(rpc, session, options, "textDocument/didOpen", new DidOpenHandler(session));
        Add(rpc, session, options, "textDocument/didChange", new DidChangeHandler(session));
        Add(rpc, session, options, "textDocument/didClose", new DidCloseHandler(session));
        Add(rpc, session, options, "textDocument/hover", new HoverHandler(session));
        Add(rpc, session, options, "textDocument/codeLens", new CodeLensHandler(session));
        Add(rpc, session, options, "textDocument/codeAction", new CodeActionHandler(session));
        Add(rpc, session, options, "workspace/executeCommand", new ExecuteCommandHandler(session, heal, mute, details, options));
        Add(rpc, session, options, "heal/heal", heal);
        Add(rpc, session, options, "heal/openPullRequest", new OpenPullRequestHandler(session, runner));
        Add(rpc, session, options, "heal/mute", mute);
        Add(rpc, session, options, "heal/errorDetails", details);
        Add(rpc, session, options, "heal/listErrors", new ListErrorsHandler(session));
    }

    private static void Add<TParams, TResult>(JsonRpc rpc, ServerSession session, JsonSerializerOptions options, string method, IHandler<TParams, TResult> handler)
    {
        var adapter = new HandlerAdapter<TParams, TResult>(method, handler, session, options);
        rpc.AddLocalRpcMethod(HandlerAdapter<TParams, TResult>.InvokeMethod, adapter, new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });
    }
}
