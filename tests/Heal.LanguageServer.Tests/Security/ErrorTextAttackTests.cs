using System.Text.Json.Nodes;

namespace Heal.LanguageServer.Tests.Security;

/// <summary>
/// Errors answered to the client carry a stable message of ours, never internal exception text (type names, stack traces,
/// paths): that goes to stderr. Two of these used to answer with .NET type names, one with a stack trace.
/// </summary>
public sealed class ErrorTextAttackTests
{
    [Theory]
    [InlineData("""{"textDocument":{"uri":"file:///x.cs"},"position":{"line":"a","character":0}}""", "textDocument/hover: invalid params at $.position.line")]
    [InlineData("""[1,2]""", "textDocument/hover: params must be an object")]
    [InlineData("""{}""", "textDocument/hover: invalid params: $.textDocument is missing")]
    [InlineData("""{"textDocument":{},"position":{"line":0,"character":0}}""", "textDocument/hover: invalid params: $.textDocument.uri is missing")]
    public async Task Hover_BadParams_InvalidParamsWithOurMessageOnly(string parameters, string expected)
    {
        await using var world = await Attack.StartAsync();

        var response = await world.Client.RequestAsync("textDocument/hover", JsonNode.Parse(parameters));

        var error = response["error"]!.AsObject();
        Assert.Equal(Attack.InvalidParams, (int)error["code"]!);
        Assert.Equal(expected, (string)error["message"]!);
        Attack.AssertNoInternalText(error);
        await Attack.AssertStillServesAsync(world);
    }

    [Theory]
    [InlineData("heal.mute", """[{"groupId":7}]""", "workspace/executeCommand: invalid argument at $.groupId")]
    [InlineData("heal.mute", """["text"]""", "workspace/executeCommand: the command needs one object argument")]
    [InlineData("heal.mute", """[{}]""", "workspace/executeCommand: invalid argument: $.groupId is missing")]
    public async Task ExecuteCommand_BadArgument_InvalidParamsWithOurMessageOnly(string command, string arguments, string expected)
    {
        await using var world = await Attack.StartAsync();

        var response = await world.Client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command, ["arguments"] = JsonNode.Parse(arguments) });

        var error = response["error"]!.AsObject();
        Assert.Equal(Attack.InvalidParams, (int)error["code"]!);
        Assert.Equal(expected, (string)error["message"]!);
        Attack.AssertNoInternalText(error);
    }
}
