using System.Text;
using System.Text.Json.Nodes;

namespace Heal.LanguageServer.Tests.Security;

/// <summary>
/// The one check of the attack tests: the real <c>heal lsp</c> (on the shop world) receives hostile bytes, answers what it
/// must, and then still answers a normal request: it neither exits nor waits forever.
/// </summary>
internal static class Attack
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;

    /// <summary>Words that only internal exception text carries: type names, stack frames, source paths.</summary>
    private static readonly string[] s_internalText = ["Heal.", "System.", "StreamJsonRpc", "Exception", "   at ", ".cs:line", "`1", "/work/", "/tmp/"];

    public static Task<LspWorld> StartAsync() => LspWorld.CreateAsync();

    /// <summary>Sends <paramref name="attack"/>, then proves the server still answers a hover request.</summary>
    public static async Task SendThenStillServesAsync(LspWorld world, byte[] attack)
    {
        world.Client.WriteRaw(attack);
        await AssertStillServesAsync(world);
    }

    public static async Task AssertStillServesAsync(LspWorld world)
    {
        var response = await world.Client.RequestAsync("textDocument/hover", LspWorld.At(world.ThrowingUri, 0, 0));
        Assert.Null(response["error"]);
        Assert.True(response.ContainsKey("result"));
    }

    /// <summary>The error response for <paramref name="id"/> (null: an error the server could not tie to a request).</summary>
    public static async Task<JsonObject> ErrorAsync(LspWorld world, JsonNode? id, int code)
    {
        var response = await world.Client.WaitForMessageAsync(m => m["method"] is null && m["error"] is not null && JsonNode.DeepEquals(m["id"], id));
        var error = response["error"]!.AsObject();
        Assert.Equal(code, (int)error["code"]!);
        AssertNoInternalText(error);
        return error;
    }

    /// <summary>An error carries a stable message of ours: no exception type, stack trace or path, and no <c>data</c>.</summary>
    public static void AssertNoInternalText(JsonObject error)
    {
        var message = (string)error["message"]!;
        Assert.DoesNotContain(s_internalText, word => message.Contains(word, StringComparison.Ordinal));
        Assert.Null(error["data"]);
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
