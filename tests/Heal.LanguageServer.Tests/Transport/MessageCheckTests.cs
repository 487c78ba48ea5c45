using System.Text;
using Heal.LanguageServer.Transport;

namespace Heal.LanguageServer.Tests.Transport;

/// <summary>One body in, what it is out: kind, id as StreamJsonRpc prints it, error code and problem.</summary>
public sealed class MessageCheckTests
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""", MessageKind.Request, "1")]
    [InlineData("""{"jsonrpc":"2.0","id":"a","method":"shutdown"}""", MessageKind.Request, "a")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"shutdown"}""", MessageKind.Request, "(null)")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"shutdown","params":[]}""", MessageKind.Request, "2")]
    [InlineData("""{"jsonrpc":"2.0","method":"initialized","params":{}}""", MessageKind.Notification, "(not specified)")]
    [InlineData("""{"method":"exit","jsonrpc":"2.0","extra":[1,{"b":null}]}""", MessageKind.Notification, "(not specified)")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"result":null}""", MessageKind.Response, "3")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x","data":{}}}""", MessageKind.Response, "(null)")]
    [InlineData("""{"jsonrpc":"2.0","\u0069d":4,"result":{}}""", MessageKind.Response, "4")]
    [InlineData(" \r\n{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":1}\r\n ", MessageKind.Response, "5")]
    [InlineData("""{"jsonrpc":"2.0","id":"\ud83d\ude00","method":"x"}""", MessageKind.Request, "😀")]
    [InlineData("""{"jsonrpc":"2.0","id":"\\ud800","method":"x"}""", MessageKind.Request, "\\ud800")]
    public void Check_JsonRpcMessage_KindAndId(string body, MessageKind kind, string id)
    {
        var message = MessageCheck.Check(Encoding.UTF8.GetBytes(body));

        Assert.Equal(kind, message.Kind);
        Assert.Equal(id, message.Id.ToString());
        Assert.Null(message.Problem);
    }

    [Theory]
    [InlineData("", -32700, "(null)", "the body is not valid JSON: it is empty")]
    [InlineData("{\"a\":", -32700, "(null)", "the body is not valid JSON (at byte 5)")]
    [InlineData("{} {}", -32700, "(null)", "the body is not valid JSON (at byte 3)")]
    [InlineData("\uFEFF{}", -32700, "(null)", "the body is not valid JSON (at byte 0)")]
    [InlineData("{\"jsonrpc\":\"2.0\",/*c*/\"id\":1}", -32700, "(null)", "the body is not valid JSON (at byte 17)")]
    [InlineData("""{"jsonrpc":"2.0","id":"\ud800","method":"x"}""", -32700, "(null)", "the body has an unpaired UTF-16 surrogate escape at byte 23")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"\udfff\ud800"}""", -32700, "(null)", "the body has an unpaired UTF-16 surrogate escape at byte 34")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{"a":"\ud83dz"}}""", -32700, "(null)", "the body has an unpaired UTF-16 surrogate escape at byte 52")]
    [InlineData("42", -32600, "(null)", "the message is not a JSON object")]
    [InlineData("[]", -32600, "(null)", "an empty batch is not a message")]
    [InlineData("""{"jsonrpc":"2.0","id":true,"method":"x"}""", -32600, "(null)", "'id' must be a string, an integer or null")]
    [InlineData("""{"jsonrpc":"2.0","id":18446744073709551616,"method":"x"}""", -32600, "(null)", "'id' must be a string, an integer or null")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}""", -32600, "(null)", "'id' appears twice")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","method":"y"}""", -32600, "1", "'method' appears twice")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":null}""", -32600, "1", "'method' must be a string")]
    [InlineData("""{"id":1,"method":"x"}""", -32600, "1", "'jsonrpc' must be \"2.0\"")]
    [InlineData("""{"jsonrpc":2,"id":1,"method":"x"}""", -32600, "1", "'jsonrpc' must be \"2.0\"")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":true}""", -32600, "1", "'params' must be an object")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":[{}]}""", -32602, "1", "x: params must be an object")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""", -32600, "1", "the message is neither a request nor a response")]
    [InlineData("{}", -32600, "(null)", "the message is neither a request nor a response")]
    public void Check_AnsweredProblem_CodeIdAndOurMessage(string body, int code, string id, string problem)
    {
        var message = MessageCheck.Check(Encoding.UTF8.GetBytes(body));

        Assert.Equal((MessageKind.Invalid, code, id, problem, true), (message.Kind, message.ErrorCode, message.Id.ToString(), message.Problem, message.Answer));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"x","params":1}""", "'params' must be an object")]
    [InlineData("""{"method":"x"}""", "'jsonrpc' must be \"2.0\"")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}""", "a response with both 'result' and 'error'")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":"1","message":"m"}}""", "a response whose 'error' lacks an integer 'code' and a string 'message'")]
    [InlineData("""{"jsonrpc":"2.0","result":1}""", "a response without an id")]
    public void Check_NotificationOrResponseProblem_NeverAnswered(string body, string problem)
    {
        var message = MessageCheck.Check(Encoding.UTF8.GetBytes(body));

        Assert.Equal((MessageKind.Invalid, problem, false), (message.Kind, message.Problem, message.Answer));
    }

    [Fact]
    public void Check_InvalidUtf8_ParseErrorAtItsByte()
    {
        byte[] body = [.. "{\"a\":\""u8, 0xF0, 0x28, 0x8C, 0xBC, .. "\"}"u8];

        Assert.Equal("the body is not valid UTF-8 at byte 6", MessageCheck.Check(body).Problem);
    }

    [Theory]
    [InlineData(64, null)]
    [InlineData(65, "the body is nested deeper than 64 levels")]
    [InlineData(100_000, "the body is nested deeper than 64 levels")]
    public void Check_Nesting_RefusedPast64Levels(int depth, string? problem)
    {
        // The message object and its params object are two levels; arrays make up the rest.
        var body = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"a\":" + new string('[', depth - 2) + new string(']', depth - 2) + "}}";

        Assert.Equal(problem, MessageCheck.Check(Encoding.UTF8.GetBytes(body)).Problem);
    }

    [Fact]
    public void Check_Batch_IdsOfItsRequestsOnly()
    {
        var body = """[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"b"},{"jsonrpc":"2.0","id":2,"result":1},7,{"jsonrpc":"2.0","id":"c","method":"c"}]""";

        var message = MessageCheck.Check(Encoding.UTF8.GetBytes(body));

        Assert.Equal(MessageKind.Batch, message.Kind);
        Assert.Equal(["1", "c"], message.BatchIds.Select(id => id.ToString()));
        Assert.Equal(MessageCheck.BatchProblem, message.Problem);
    }
}
