using System.Text.Json.Nodes;
using Heal.Testing;

namespace Heal.LanguageServer.Tests;

/// <summary><c>heal/openPullRequest</c> against the loopback GitHub double: only a validated patch is ever delivered.</summary>
public sealed class OpenPullRequestTests
{
    [Fact]
    public async Task OpenPullRequest_ShopCrashTheRulesDecline_RequestFailedAndNothingSentToGitHub()
    {
        await using var github = await GitHubDouble.StartAsync();
        await using var world = await LspWorld.CreateAsync();
        var groupId = (string)(await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0))[0]!["code"]!;
        var before = world.Repository.HashUserState();

        var response = await world.Client.RequestAsync("heal/openPullRequest", new JsonObject
        {
            ["groupId"] = groupId,
            ["repository"] = "acme/shop",
            ["codeHostUrl"] = github.Url.AbsoluteUri,
        });

        Assert.Equal(-32803, (int)response["error"]!["code"]!);
        Assert.Contains("nothing delivered, the patch was declined", (string)response["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
        Assert.Equal(before, world.Repository.HashUserState());
    }

    [Fact]
    public async Task OpenPullRequest_NoRepositoryAnywhere_InvalidParamsError()
    {
        await using var world = await LspWorld.CreateAsync();

        var response = await world.Client.RequestAsync("heal/openPullRequest", new JsonObject { ["groupId"] = "0000000000000000" });

        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        Assert.Contains("codeHost.repository", (string)response["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenPullRequest_UnknownGroup_InvalidParamsError()
    {
        await using var world = await LspWorld.CreateAsync();

        var response = await world.Client.RequestAsync("heal/openPullRequest", new JsonObject { ["groupId"] = "0000000000000000", ["repository"] = "acme/shop" });

        Assert.Equal(-32602, (int)response["error"]!["code"]!);
    }
}
