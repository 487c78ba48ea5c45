namespace Heal.LanguageServer.Tests.Security;

/// <summary>
/// Responses the server never asked for. Each used to end the process ("unexpected response"); now each is logged on
/// stderr and ignored.
/// </summary>
public sealed class ResponseAttackTests
{
    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":777777,\"result\":null}", "777777")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"forged\",\"result\":{\"a\":1}}", "forged")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":888888,\"error\":{\"code\":-32601,\"message\":\"no\"}}", "888888")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"client could not parse\"}}", "(null)")]
    public async Task Response_IdNeverSent_LoggedAndIgnoredThenServes(string response, string loggedId)
    {
        await using var world = await Attack.StartAsync();

        await Attack.SendThenStillServesAsync(world, LspClient.Frame(Attack.Utf8(response)));

        Assert.Null((await world.Client.RequestAsync("shutdown", null))["error"]);
        await world.Client.NotifyAsync("exit", null);
        var (exitCode, stderr) = await world.Client.WaitForExitAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains($"ignored a response to id {loggedId}, which this server never sent", stderr);
    }
}
