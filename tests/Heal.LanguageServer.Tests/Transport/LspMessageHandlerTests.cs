using System.Text;
using System.Text.Json.Nodes;
using Heal.LanguageServer.Transport;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Heal.LanguageServer.Tests.Transport;

/// <summary>
/// The message handler over in-memory streams: what reaches StreamJsonRpc (<see cref="LspMessageHandler.ReadAsync"/>) and
/// what the handler answers itself (the output), for input that a real client rarely sends in a way a test can time.
/// </summary>
public sealed class LspMessageHandlerTests
{
    [Fact]
    public async Task Read_SecondRequestWithAnIdInUse_RefusedFirstPassedOn()
    {
        var (passed, answered, _) = await RunAsync(
            """{"jsonrpc":"2.0","id":1,"method":"a"}""",
            """{"jsonrpc":"2.0","id":1,"method":"b"}""");

        Assert.Equal(["a"], passed.OfType<JsonRpcRequest>().Select(r => r.Method));
        var error = Assert.Single(answered);
        Assert.Equal((1, -32600), ((int)error["id"]!, (int)error["error"]!["code"]!));
    }

    [Fact]
    public async Task Read_ResponsesToSentAndUnsentIds_OnlyTheSentOnePassedOnOnce()
    {
        var (passed, answered, log) = await RunAsync(
            sent: [new JsonRpcRequest { RequestId = new RequestId(5), Method = "workspace/codeLens/refresh" }],
            """{"jsonrpc":"2.0","id":6,"result":null}""",
            """{"jsonrpc":"2.0","id":5,"result":null}""",
            """{"jsonrpc":"2.0","id":5,"result":null}""");

        Assert.Equal([new RequestId(5)], passed.OfType<JsonRpcResult>().Select(r => r.RequestId));
        Assert.Empty(answered);
        Assert.Contains("ignored a response to id 6, which this server never sent", log);
    }

    [Fact]
    public async Task Write_ErrorWithData_DataNeverWritten()
    {
        var (_, answered, _) = await RunAsync(
            sent: [new JsonRpcError { RequestId = new RequestId(1), Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InternalError, Message = "m", Data = new { stack = "at Heal.X" } } }]);

        Assert.Null(Assert.Single(answered)["error"]!["data"]);
    }

    [Fact]
    public async Task Read_BodyCutShortSwallowingAFrame_ThatFrameIsRead()
    {
        var inside = Frame("""{"jsonrpc":"2.0","id":"in","method":"inside"}""");
        var cut = "{\"jsonrpc\":\"2.0\",\"id\":\"cut\",\"meth"u8.ToArray();
        byte[] input = [.. Encoding.ASCII.GetBytes($"Content-Length: {cut.Length + inside.Length}\r\n\r\n"), .. cut, .. inside];

        var (passed, answered, _) = await RunAsync(input, []);

        Assert.Equal(["inside"], passed.OfType<JsonRpcRequest>().Select(r => r.Method));
        Assert.Equal(-32700, (int)Assert.Single(answered)["error"]!["code"]!);
    }

    private static Task<(List<JsonRpcMessage> Passed, List<JsonObject> Answered, string Log)> RunAsync(params string[] bodies) =>
        RunAsync(sent: [], bodies);

    private static Task<(List<JsonRpcMessage> Passed, List<JsonObject> Answered, string Log)> RunAsync(JsonRpcMessage[] sent, params string[] bodies) =>
        RunAsync([.. bodies.SelectMany(Frame)], sent);

    /// <summary>Writes <paramref name="sent"/> first (as the server would), then reads the input to its end.</summary>
    private static async Task<(List<JsonRpcMessage> Passed, List<JsonObject> Answered, string Log)> RunAsync(byte[] input, JsonRpcMessage[] sent)
    {
        var output = new MemoryStream();
        var log = new StringWriter();
        var handler = new LspMessageHandler(new MemoryStream(input), output, new SystemTextJsonFormatter(), log);
        foreach (var message in sent)
        {
            await handler.WriteAsync(message, CancellationToken.None);
        }

        var passed = new List<JsonRpcMessage>();
        while (await handler.ReadAsync(CancellationToken.None) is { } message)
        {
            passed.Add(message);
            handler.DeserializationComplete(message);
        }

        // StreamJsonRpc copies writes to the stream in the background: disposing waits for them.
        handler.Dispose();

        var written = Encoding.UTF8.GetString(output.ToArray());
        var answered = written.Split("Content-Length: ", StringSplitOptions.RemoveEmptyEntries)
            .Select(frame => JsonNode.Parse(frame[(frame.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!.AsObject())
            .Where(m => m["method"] is null)
            .ToList();
        return (passed, answered, log.ToString());
    }

    private static byte[] Frame(string body) => LspClient.Frame(Encoding.UTF8.GetBytes(body));
}
