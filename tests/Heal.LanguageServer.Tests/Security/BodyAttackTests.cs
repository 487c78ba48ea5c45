using System.Text.Json.Nodes;

namespace Heal.LanguageServer.Tests.Security;

/// <summary>
/// Attacks on the bodies of well-framed messages: not JSON, not UTF-8, too deep, a batch, not a JSON-RPC message. Each
/// used to end the process; now each gets a parse error or an invalid-request error (with the id when it can be read).
/// </summary>
public sealed class BodyAttackTests
{
    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\\ud800\"}", "unpaired UTF-16 surrogate escape at byte 34")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"heal/listErrors\",\"params\":{\"\\udc00x\":1}}", "unpaired UTF-16 surrogate escape at byte 62")]
    public async Task Body_NotJson_ParseErrorThenServes(string body, string detail)
    {
        await using var world = await Attack.StartAsync();

        world.Client.WriteRaw(LspClient.Frame(Attack.Utf8(body)));

        Assert.Contains(detail, (string)(await Attack.ErrorAsync(world, null, Attack.ParseError))["message"]!);
        await Attack.AssertStillServesAsync(world);
    }

    [Fact]
    public async Task Body_InvalidUtf8InAString_ParseErrorNamingTheByteThenServes()
    {
        await using var world = await Attack.StartAsync();
        byte[] body = [.. Attack.Utf8("{\"jsonrpc\":\"2.0\",\"id\":\"u\",\"method\":\"heal/errorDetails\",\"params\":{\"groupId\":\""), 0xC3, 0x28, .. Attack.Utf8("\"}}")];

        world.Client.WriteRaw(LspClient.Frame(body));

        Assert.Contains("not valid UTF-8 at byte 76", (string)(await Attack.ErrorAsync(world, null, Attack.ParseError))["message"]!);
        await Attack.AssertStillServesAsync(world);
    }

    [Fact]
    public async Task Body_NestedOneHundredThousandDeep_ParseErrorThenServes()
    {
        await using var world = await Attack.StartAsync();
        var body = "{\"jsonrpc\":\"2.0\",\"id\":\"deep\",\"method\":\"textDocument/hover\",\"params\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        world.Client.WriteRaw(LspClient.Frame(Attack.Utf8(body)));

        Assert.Contains("nested deeper than 64", (string)(await Attack.ErrorAsync(world, null, Attack.ParseError))["message"]!);
        await Attack.AssertStillServesAsync(world);
    }

    [Fact]
    public async Task Body_BatchArray_EachRequestRejectedNoneRunThenServes()
    {
        await using var world = await Attack.StartAsync();
        var batch = """[{"jsonrpc":"2.0","id":"b1","method":"shutdown"},{"jsonrpc":"2.0","method":"exit"},{"jsonrpc":"2.0","id":"b2","method":"heal/listErrors"}]""";

        world.Client.WriteRaw(LspClient.Frame(Attack.Utf8(batch)));

        Assert.Contains("batch", (string)(await Attack.ErrorAsync(world, "b1", Attack.InvalidRequest))["message"]!);
        await Attack.ErrorAsync(world, "b2", Attack.InvalidRequest);
        await Attack.AssertStillServesAsync(world);
        await world.Client.NotifyAsync("exit", null);
        Assert.Equal(1, (await world.Client.WaitForExitAsync()).ExitCode);
    }

    [Theory]
    [InlineData("[]", null, "empty batch")]
    [InlineData("42", null, "not a JSON object")]
    [InlineData("null", null, "not a JSON object")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"shutdown\"}", null, "'id' must be a string, an integer or null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}", null, "'id' must be a string, an integer or null")]
    [InlineData("{\"id\":\"v\",\"method\":\"heal/listErrors\"}", "v", "'jsonrpc' must be \"2.0\"")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":\"v\",\"method\":\"heal/listErrors\"}", "v", "'jsonrpc' must be \"2.0\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"m\",\"method\":42}", "m", "'method' must be a string")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"heal/listErrors\",\"params\":\"x\"}", "p", "'params' must be an object")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"d\",\"id\":\"e\",\"method\":\"heal/listErrors\"}", null, "'id' appears twice")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"n\"}", "n", "neither a request nor a response")]
    public async Task Body_NotAJsonRpcMessage_InvalidRequestThenServes(string body, string? id, string detail)
    {
        await using var world = await Attack.StartAsync();

        world.Client.WriteRaw(LspClient.Frame(Attack.Utf8(body)));

        Assert.Contains(detail, (string)(await Attack.ErrorAsync(world, id is null ? null : JsonValue.Create(id), Attack.InvalidRequest))["message"]!);
        await Attack.AssertStillServesAsync(world);
    }
}
