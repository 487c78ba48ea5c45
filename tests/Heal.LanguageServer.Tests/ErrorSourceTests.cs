using System.Text.Json.Nodes;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.LanguageServer.Tests;

/// <summary>The error sources initializationOptions can name besides the store: a JSON-lines file and a Sentry-style backend.</summary>
public sealed class ErrorSourceTests
{
    [Fact]
    public async Task Initialize_JsonLinesSource_PublishesItsCrashOnTheThrowingLine()
    {
        await using var world = await LspWorld.CreateWithOptionsAsync(
            w => new JsonObject { ["jsonl"] = w.Scratch("events.jsonl") },
            w => File.WriteAllText(w.Scratch("events.jsonl"), JsonNode.Parse(ShopRepository.EventJson())!.ToJsonString() + "\n"));

        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count == 1);

        Assert.Equal(6, (int)diagnostics[0]!["range"]!["start"]!["line"]!);
    }

    [Fact]
    public async Task Initialize_SentrySourceWithTokenFromEnvironment_ListsTheBackendsIssues()
    {
        await using var sentry = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            ("/api/0/projects/acme/shop/issues/", ScriptedResponse.Fixture("issues-page1.json")),
            ("/api/0/issues/4211/events/latest/", ScriptedResponse.Fixture("latest-event-4211.json"))));
        await using var world = await LspWorld.CreateWithOptionsAsync(
            _ => new JsonObject { ["sentry"] = new JsonObject { ["url"] = sentry.BaseUrl.AbsoluteUri, ["org"] = "acme", ["project"] = "shop" } },
            environment: new Dictionary<string, string> { ["HEAL_SENTRY_TOKEN"] = "sntrys_secret_token" });

        var response = await world.Client.RequestAsync("heal/listErrors", new JsonObject());

        var ids = response["result"]!["errors"]!.AsArray().Select(e => (string)e!["groupId"]!).ToList();
        Assert.Equal(["4211", "4198"], ids);
        Assert.All(sentry.Requests, r => Assert.Equal("Bearer sntrys_secret_token", r.Authorization));
        Assert.DoesNotContain(world.Client.Notifications("window/logMessage"), m => m.ToJsonString().Contains("sntrys_secret_token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Initialize_SentrySourceWithoutToken_LogsWhyAndListsNothing()
    {
        await using var world = await LspWorld.CreateWithOptionsAsync(
            _ => new JsonObject { ["sentry"] = new JsonObject { ["url"] = "http://127.0.0.1:9/", ["org"] = "acme", ["project"] = "shop" } },
            environment: new Dictionary<string, string> { ["HEAL_SENTRY_TOKEN"] = "", ["SENTRY_AUTH_TOKEN"] = "" });

        var response = await world.Client.RequestAsync("heal/listErrors", new JsonObject());

        Assert.Empty(response["result"]!["errors"]!.AsArray());
        await world.Client.WaitForNotificationAsync("window/logMessage", p => ((string)p!["message"]!).Contains("HEAL_SENTRY_TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Initialize_SentryOptionWithoutProject_InvalidParamsError()
    {
        await using var world = await LspWorld.CreateWithOptionsAsync(_ => new JsonObject { ["sentry"] = new JsonObject { ["org"] = "acme" } });

        Assert.Equal(-32602, (int)world.Initialize["error"]!["code"]!);
    }
}
