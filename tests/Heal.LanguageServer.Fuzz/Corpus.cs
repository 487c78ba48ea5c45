using System.Text;
using System.Text.Json.Nodes;
using Heal.Core.Grouping;
using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.LanguageServer.Fuzz;

/// <summary>
/// The real traffic the fuzzer mutates: a scripted editor session on the shop repository (a real git checkout) and a real
/// feed store holding its crash, recorded message by message as sent. Requests that need the server's answers (the
/// diagnostic for a code action, the group id) are built from what the server actually answered.
/// </summary>
public sealed class Corpus : IDisposable
{
    private readonly TempDirectory _storeDirectory = new("heal-fuzz-store");

    private Corpus(GitRepository repository)
    {
        Repository = repository;
    }

    public GitRepository Repository { get; }

    public string StorePath => _storeDirectory.Combine("heal.db");

    public string ThrowingUri => new Uri(Path.Combine(Repository.Path, ShopRepository.ThrowingFile)).AbsoluteUri;

    /// <summary>Message bodies (JSON) in the order the session sent them; initialize first.</summary>
    public List<string> Messages { get; } = [];

    /// <summary>The messages that open every server: initialize and initialized.</summary>
    public IEnumerable<string> Opening => Messages.Take(2);

    public static async Task<Corpus> CaptureAsync(string healDll)
    {
        var corpus = new Corpus(GitRepository.Create(ShopRepository.Fixture));
        await corpus.StoreAsync(ShopRepository.EventJson());
        await using var server = FuzzServer.Start(healDll, corpus.Repository.Path);
        var timeout = TimeSpan.FromSeconds(120);
        var id = 0;

        async Task<JsonObject> Request(string method, JsonNode parameters)
        {
            var requestId = "capture-" + ++id;
            corpus.Messages.Add(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId, ["method"] = method, ["params"] = parameters.DeepClone() }.ToJsonString());
            return await server.RequestAsync(requestId, method, parameters, timeout);
        }

        void Notify(string method, JsonNode parameters)
        {
            var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToJsonString();
            corpus.Messages.Add(message);
            server.Write(FuzzServer.Frame(message));
        }

        await Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(corpus.Repository.Path).AbsoluteUri,
            ["capabilities"] = new JsonObject
            {
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
                ["workspace"] = new JsonObject { ["codeLens"] = new JsonObject { ["refreshSupport"] = true } },
            },
            ["initializationOptions"] = new JsonObject { ["store"] = corpus.StorePath },
        });
        Notify("initialized", new JsonObject());
        var text = File.ReadAllText(Path.Combine(corpus.Repository.Path, ShopRepository.ThrowingFile));
        var document = new JsonObject { ["uri"] = corpus.ThrowingUri };
        Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = corpus.ThrowingUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text } });
        var listed = await Request("heal/listErrors", new JsonObject());
        var groupId = (string)listed["result"]!["errors"]![0]!["id"]!;
        var diagnostic = await WaitForDiagnosticAsync(server, corpus.ThrowingUri, timeout);
        await Request("textDocument/hover", new JsonObject { ["textDocument"] = document.DeepClone(), ["position"] = diagnostic["range"]!["start"]!.DeepClone() });
        await Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = document.DeepClone(),
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()), ["only"] = new JsonArray("quickfix") },
        });
        await Request("textDocument/codeLens", new JsonObject { ["textDocument"] = document.DeepClone() });
        await Request("heal/errorDetails", new JsonObject { ["groupId"] = groupId });
        await Request("workspace/executeCommand", new JsonObject { ["command"] = "heal.showErrorDetails", ["arguments"] = new JsonArray(new JsonObject { ["groupId"] = groupId }) });
        Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = corpus.ThrowingUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 0, ["character"] = 0 } },
                ["text"] = "// 😀 edited\n",
            }),
        });
        await Request("heal/heal", new JsonObject { ["groupId"] = groupId, ["uri"] = corpus.ThrowingUri, ["workDoneToken"] = "heal-progress-1" });
        Notify("$/cancelRequest", new JsonObject { ["id"] = "capture-1" });
        Notify("$/setTrace", new JsonObject { ["value"] = "verbose" });
        Notify("textDocument/didClose", new JsonObject { ["textDocument"] = document.DeepClone() });
        await Request("heal/mute", new JsonObject { ["groupId"] = groupId });
        return corpus;
    }

    public void Dispose()
    {
        Repository.Dispose();
        _storeDirectory.Dispose();
    }

    private static async Task<JsonNode> WaitForDiagnosticAsync(FuzzServer server, string uri, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!server.Diagnostics.ContainsKey(uri))
        {
            await Task.Delay(50, deadline.Token);
        }

        return server.Diagnostics[uri][0]!;
    }

    private async Task StoreAsync(string eventJson)
    {
        await using var store = SqliteErrorStore.Open(StorePath);
        var errorEvent = ErrorEvent.FromSentryJson(eventJson).Value!;
        var fingerprint = Fingerprint.Compute(errorEvent);
        var culprit = errorEvent.Culprit;
        await store.AppendAsync([new NewEvent(errorEvent.Id, fingerprint.GroupId, fingerprint.Hash, fingerprint.Basis, culprit?.Type ?? "message",
            culprit?.Value ?? errorEvent.Message, errorEvent.Timestamp, DateTimeOffset.UtcNow, errorEvent.Release,
            culprit?.ThrowingFrame, Encoding.UTF8.GetBytes(eventJson), [])], CancellationToken.None);
    }
}
