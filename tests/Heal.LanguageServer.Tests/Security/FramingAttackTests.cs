namespace Heal.LanguageServer.Tests.Security;

/// <summary>
/// Attacks on the base protocol's framing (<c>Content-Length</c> headers) of the real <c>heal lsp</c>: each used to end
/// the process or make it wait forever; now each gets a parse error or is skipped, and the server keeps serving.
/// </summary>
public sealed class FramingAttackTests
{
    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n", "Content-Length 'abc' is not a byte count")]
    [InlineData("Content-Length: -5\r\n\r\n", "Content-Length '-5' is not a byte count")]
    [InlineData("Content-Length: 99999999999999999999\r\n\r\n", "over the 64 MiB limit")]
    [InlineData("Content-Length: 2147483647\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}", "over the 64 MiB limit")]
    [InlineData("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", "a header without Content-Length")]
    [InlineData("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "two Content-Length headers")]
    [InlineData("Content-Length 2\r\n\r\n{}", "not 'Name: value'")]
    public async Task Header_Malformed_ParseErrorWithoutIdThenServes(string attack, string detail)
    {
        await using var world = await Attack.StartAsync();

        world.Client.WriteRaw(Attack.Ascii(attack));

        var error = await Attack.ErrorAsync(world, null, Attack.ParseError);
        Assert.Contains(detail, (string)error["message"]!);
        await Attack.AssertStillServesAsync(world);
    }

    [Fact]
    public async Task Header_GarbageBeforeFrame_SkippedToTheNextContentLength()
    {
        await using var world = await Attack.StartAsync();

        await Attack.SendThenStillServesAsync(world, [0, 1, 0xff, .. Attack.Ascii("not a header\r\n\r\n{\"id\":1}")]);
    }

    [Fact]
    public async Task Header_LongerThan8KiBWithoutItsEnd_SkippedToTheNextContentLength()
    {
        await using var world = await Attack.StartAsync();

        await Attack.SendThenStillServesAsync(world, Attack.Ascii("Content-Length: 10\r\nX-Padding: " + new string('a', 64 * 1024) + "\r\n"));
    }

    [Fact]
    public async Task Header_FrameWithoutItsEmptyLine_DoesNotSwallowTheFramesAfterIt()
    {
        // Found by fuzz:lsp: the body became a "header line", the declared 4,000 bytes swallowed every later frame, and
        // requests went unanswered until that many bytes had arrived. Now the body line is refused as a header at once;
        // only the frame whose header ended the section is lost with it.
        await using var world = await Attack.StartAsync();
        var lost = Attack.Ascii("Content-Length: 4000\r\n{\"jsonrpc\":\"2.0\",\"id\":\"lost\",\"method\":\"heal/listErrors\"}");
        var sacrificed = LspClient.Frame(Attack.Utf8("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"none"}}"""));

        world.Client.WriteRaw([.. lost, .. sacrificed]);

        var error = await Attack.ErrorAsync(world, null, Attack.ParseError);
        Assert.Contains("not 'Name: value'", (string)error["message"]!);
        await Attack.AssertStillServesAsync(world);
    }

    [Fact]
    public async Task Body_ShorterThanDeclared_TheFrameInsideItIsAnswered()
    {
        await using var world = await Attack.StartAsync();
        var truncated = Attack.Utf8("{\"jsonrpc\":\"2.0\",\"id\":\"cut\",\"meth");
        var inside = LspClient.Frame(Attack.Utf8("""{"jsonrpc":"2.0","id":"inside","method":"heal/listErrors"}"""));

        world.Client.WriteRaw([.. Attack.Ascii($"Content-Length: {truncated.Length + inside.Length}\r\n\r\n"), .. truncated, .. inside]);

        await Attack.ErrorAsync(world, null, Attack.ParseError);
        var answer = await world.Client.WaitForMessageAsync(m => (string?)m["id"] == "inside");
        Assert.NotNull(answer["result"]);
        await Attack.AssertStillServesAsync(world);
    }

    [Fact]
    public async Task Frames_TwoInOneWrite_BothAnswered()
    {
        await using var world = await Attack.StartAsync();
        var first = LspClient.Frame(Attack.Utf8("""{"jsonrpc":"2.0","id":"one","method":"heal/listErrors"}"""));
        var second = LspClient.Frame(Attack.Utf8("""{"jsonrpc":"2.0","id":"two","method":"heal/listErrors"}"""));

        world.Client.WriteRaw([.. first, .. second]);

        Assert.NotNull((await world.Client.WaitForMessageAsync(m => (string?)m["id"] == "one"))["result"]);
        Assert.NotNull((await world.Client.WaitForMessageAsync(m => (string?)m["id"] == "two"))["result"]);
    }
}
