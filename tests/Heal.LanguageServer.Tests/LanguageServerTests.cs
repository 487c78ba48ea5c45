using System.Text.Json.Nodes;
using Heal.Testing.Samples;

namespace Heal.LanguageServer.Tests;

/// <summary>
/// The real <c>heal lsp</c> process over stdio, on a real git checkout and a real feed store. Each test drives one
/// feature the way an editor does and checks what the editor would show.
/// </summary>
public sealed class LanguageServerTests
{
    /// <summary>The shop crash's throwing line, zero-based: <c>return price * (1 - customer.Discount.Rate);</c>.</summary>
    private const int ThrowingLine = 6;

    private static string SecondCrash(string eventId, string release = "shop@1.4.3") =>
        ShopRepository.EventJson(release: release)
            .Replace("5f0d5c1e2a3b4c5d6e7f8091a2b3c4d5", eventId, StringComparison.Ordinal)
            .Replace("decimal PriceCalculator.Discounted(Customer customer, decimal price)", "string PriceCalculator.Describe(Customer customer)", StringComparison.Ordinal)
            .Replace("\"lineno\": 7", "\"lineno\": 17", StringComparison.Ordinal);

    [Fact]
    public async Task Initialize_Capabilities_IncrementalSyncHoverLensActionsAndHealCommands()
    {
        await using var world = await LspWorld.CreateAsync();

        var capabilities = world.Initialize["result"]!["capabilities"]!;
        Assert.Equal(2, (int)capabilities["textDocumentSync"]!["change"]!);
        Assert.True((bool)capabilities["hoverProvider"]!);
        Assert.NotNull(capabilities["codeLensProvider"]);
        Assert.Equal(["quickfix"], capabilities["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(["heal.heal", "heal.showErrorDetails", "heal.mute"], capabilities["executeCommandProvider"]!["commands"]!.AsArray().Select(k => (string)k!));
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Exit_WithOrWithoutShutdown_ExitCode(bool shutdownFirst, int expected)
    {
        await using var world = await LspWorld.CreateAsync();

        if (shutdownFirst)
        {
            Assert.Null((await world.Client.RequestAsync("shutdown", null))["error"]);
        }

        await world.Client.NotifyAsync("exit", null);
        var (exitCode, _) = await world.Client.WaitForExitAsync();

        Assert.Equal(expected, exitCode);
    }

    [Fact]
    public async Task Initialized_StoreWithShopCrash_PublishesErrorOnThrowingLineOfUnopenedFile()
    {
        await using var world = await LspWorld.CreateAsync();

        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(1, (int)diagnostic!["severity"]!);
        Assert.Equal("heal", (string)diagnostic["source"]!);
        Assert.Matches("^[0-9a-f]{16}$", (string)diagnostic["code"]!);
        Assert.StartsWith("NullReferenceException: Object reference not set to an instance of an object. — 1 event, last ", (string)diagnostic["message"]!);
        Assert.EndsWith("(release shop@1.4.2)", (string)diagnostic["message"]!);
        AssertRange(diagnostic["range"]!, ThrowingLine, 8, ThrowingLine, 52);
    }

    [Fact]
    public async Task Initialized_ClientWithWorkDoneProgress_LoadReportsBeginThenEnd()
    {
        var capabilities = new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } };
        await using var world = await LspWorld.CreateAsync(capabilities);

        await world.Client.WaitForNotificationAsync("$/progress", p => (string?)p!["value"]!["kind"] == "end");

        var progress = world.Client.Notifications("$/progress").Select(p => p["params"]!["value"]!).ToList();
        Assert.Equal("Heal: loading errors", (string)progress[0]!["title"]!);
        Assert.Equal("end", (string)progress[^1]!["kind"]!);
    }

    [Fact]
    public async Task Initialized_ClientWithCodeLensRefresh_AskedToRefreshOnceTheErrorsAreLoaded()
    {
        // An editor asks for lenses when a file opens, possibly before the load: it must be told to ask again.
        var capabilities = new JsonObject { ["workspace"] = new JsonObject { ["codeLens"] = new JsonObject { ["refreshSupport"] = true } } };
        await using var world = await LspWorld.CreateAsync(capabilities);

        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);
        // heal/listErrors waits for the load's mutation, which sends the refresh before it ends: the client reads the
        // refresh before this answer (the ordering the next test relies on).
        await world.Client.RequestAsync("heal/listErrors", new JsonObject());

        Assert.NotEmpty(world.Client.Notifications("workspace/codeLens/refresh"));
    }

    [Fact]
    public async Task Initialized_ClientWithoutCodeLensRefresh_NeverAskedToRefresh()
    {
        await using var world = await LspWorld.CreateAsync();
        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);
        // heal/listErrors waits for the load's mutation; a refresh is written inside that mutation, so it would arrive
        // before this answer (see the test above).
        await world.Client.RequestAsync("heal/listErrors", new JsonObject());

        Assert.Empty(world.Client.Notifications("workspace/codeLens/refresh"));
    }

    [Fact]
    public async Task DidChange_IncrementalInsertWithSurrogatePair_RangeFollowsUtf16Text()
    {
        await using var world = await LspWorld.CreateAsync();
        await world.OpenAsync(world.ThrowingUri, world.ThrowingText);

        await world.Client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = world.ThrowingUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(
                new JsonObject { ["range"] = RangeNode(ThrowingLine, 8, ThrowingLine, 8), ["text"] = "/*😀*/ " },
                new JsonObject { ["range"] = RangeNode(ThrowingLine, 0, ThrowingLine, 4), ["text"] = "" }),
        });

        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count == 1 && (int)d[0]!["range"]!["start"]!["character"]! != 8);
        AssertRange(diagnostics[0]!["range"]!, ThrowingLine, 4, ThrowingLine, 55);
    }

    [Fact]
    public async Task Hover_FlaggedLineWithHostileMessage_MarkdownKeepsEventTextInCode()
    {
        var hostile = "boom [click](http://evil.example) ``` **bold**";
        await using var world = await LspWorld.CreateAsync(null, ShopRepository.EventJson(hostile));
        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);

        var hover = (await world.Client.RequestAsync("textDocument/hover", LspWorld.At(world.ThrowingUri, ThrowingLine, 20)))["result"]!;
        var markdown = (string)hover["contents"]!["value"]!;

        Assert.Equal("markdown", (string)hover["contents"]!["kind"]!);
        Assert.Contains("````text\n" + hostile + "\n````", markdown, StringComparison.Ordinal);
        Assert.Contains("PriceCalculator.Discounted", markdown, StringComparison.Ordinal);
        Assert.Contains("` production `", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_UnflaggedLine_Null()
    {
        await using var world = await LspWorld.CreateAsync();
        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);

        var response = await world.Client.RequestAsync("textDocument/hover", LspWorld.At(world.ThrowingUri, 2, 4));

        Assert.Null(response["error"]);
        Assert.Null(response["result"]);
    }

    [Fact]
    public async Task CodeLens_AffectedMethod_OneLensOnItsDeclaration()
    {
        await using var world = await LspWorld.CreateAsync();
        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);

        var lenses = (await world.Client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = world.ThrowingUri } }))["result"]!.AsArray();

        var lens = Assert.Single(lenses);
        Assert.Equal(4, (int)lens!["range"]!["start"]!["line"]!);
        Assert.Equal("⚠ 1 production error · Heal", (string)lens["command"]!["title"]!);
        Assert.Equal("heal.showErrorDetails", (string)lens["command"]!["command"]!);
    }

    [Fact]
    public async Task CodeAction_FlaggedRange_HealDetailsAndMuteCarryingTheGroupId()
    {
        await using var world = await LspWorld.CreateAsync();
        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);

        var actions = (await world.Client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = world.ThrowingUri },
            ["range"] = RangeNode(ThrowingLine, 10, ThrowingLine, 10),
            ["context"] = new JsonObject { ["diagnostics"] = diagnostics.DeepClone() },
        }))["result"]!.AsArray();

        var groupId = (string)diagnostics[0]!["code"]!;
        Assert.Equal(["Heal this error", "Show error details", "Mute this error"], actions.Select(a => (string)a!["title"]!));
        Assert.Equal(["heal.heal", "heal.showErrorDetails", "heal.mute"], actions.Select(a => (string)a!["command"]!["command"]!));
        Assert.All(actions, a => Assert.Equal(groupId, (string)a!["command"]!["arguments"]![0]!["groupId"]!));
        Assert.Equal(world.ThrowingUri, (string)actions[0]!["command"]!["arguments"]![0]!["uri"]!);
    }

    [Fact]
    public async Task Mute_ShownGroup_DiagnosticsClearedAndListedAsMuted()
    {
        await using var world = await LspWorld.CreateAsync();
        var groupId = (string)(await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0))[0]!["code"]!;

        var mute = await world.Client.RequestAsync("heal/mute", new JsonObject { ["groupId"] = groupId });
        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count == 0);
        var list = (await world.Client.RequestAsync("heal/listErrors", new JsonObject()))["result"]!["errors"]!.AsArray();

        Assert.True((bool)mute["result"]!["muted"]!);
        Assert.Equal("muted", (string)Assert.Single(list)!["status"]!);
    }

    [Fact]
    public async Task ErrorDetails_KnownGroup_MarkdownAndFramesWithLocations()
    {
        await using var world = await LspWorld.CreateAsync();
        var groupId = (string)(await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0))[0]!["code"]!;

        var details = (await world.Client.RequestAsync("heal/errorDetails", new JsonObject { ["groupId"] = groupId }))["result"]!;

        Assert.Contains(groupId, (string)details["markdown"]!["value"]!, StringComparison.Ordinal);
        var frames = details["error"]!["frames"]!.AsArray();
        Assert.Equal(2, frames.Count);
        Assert.Equal(world.ThrowingUri, (string)frames[0]!["location"]!["uri"]!);
        Assert.Null(frames[1]!["location"]);
    }

    [Fact]
    public async Task ErrorDetails_UnknownGroup_InvalidParamsError()
    {
        await using var world = await LspWorld.CreateAsync();

        var response = await world.Client.RequestAsync("heal/errorDetails", new JsonObject { ["groupId"] = "0000000000000000" });

        Assert.Equal(-32602, (int)response["error"]!["code"]!);
    }

    [Fact]
    public async Task Watch_EventAppendedAfterInitialize_NewDiagnosticPublished()
    {
        await using var world = await LspWorld.CreateAsync();
        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count == 1);

        await world.AppendAsync(SecondCrash("6a1e2b3c4d5e6f708192a3b4c5d6e7f8"));

        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count == 2);
        Assert.Contains(diagnostics, d => (int)d!["range"]!["start"]!["line"]! == 16 && ((string)d["message"]!).EndsWith("(release shop@1.4.3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelRequest_HealInFlight_RequestCancelledError()
    {
        await using var world = await LspWorld.CreateAsync();
        var groupId = (string)(await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0))[0]!["code"]!;

        var (id, response) = world.Client.Send("heal/heal", new JsonObject { ["groupId"] = groupId });
        await world.Client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });

        Assert.Equal(-32800, (int)(await response.WaitAsync(TimeSpan.FromSeconds(60)))["error"]!["code"]!);
    }

    [Fact]
    public async Task Stdout_WholeSession_OnlyFramedJsonRpcMessages()
    {
        await using var world = await LspWorld.CreateAsync();
        await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);
        await world.Client.RequestAsync("textDocument/hover", LspWorld.At(world.ThrowingUri, ThrowingLine, 20));
        await world.Client.RequestAsync("heal/errorDetails", new JsonObject { ["groupId"] = "not-a-group" });
        await world.Client.RequestAsync("shutdown", null);
        await world.Client.NotifyAsync("exit", null);

        var (exitCode, stderr) = await world.Client.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        Assert.Empty(world.Client.FramingProblems);
        Assert.Contains("heal: errors from store:", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The shop's only sibling guard returns a label string, which says nothing about what a price should be, so the
    /// offline rules rightly decline: heal/heal must report that with progress and offer no edit.
    /// </summary>
    [Fact]
    public async Task Heal_ShopCrashWithoutTransferableFallback_DeclinesWithProgressAndNoEdit()
    {
        var capabilities = new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } };
        await using var world = await LspWorld.CreateAsync(capabilities);
        var groupId = (string)(await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0))[0]!["code"]!;
        var before = world.Repository.HashUserState();

        var response = await world.Client.RequestAsync("heal/heal", new JsonObject { ["groupId"] = groupId, ["uri"] = world.ThrowingUri });

        var result = response["result"] ?? throw new InvalidOperationException(response.ToJsonString());
        Assert.True((string)result["status"]! == "declined", response.ToJsonString());
        Assert.Contains("`customer.Discount` is null", (string)result["rootCause"]!, StringComparison.Ordinal);
        Assert.Null(result["edit"]);
        Assert.Contains(result["evidence"]!.AsArray(), e => (string)e!["kind"]! == "throwing frame" && ((string?)e["uri"])?.StartsWith("file://", StringComparison.Ordinal) == true);
        Assert.Empty(result["candidates"]!.AsArray());
        var creates = world.Client.Notifications("window/workDoneProgress/create");
        Assert.Equal(2, creates.Count); // The first load's progress, then heal/heal's.
        var token = creates[^1]["params"]!["token"]!.ToJsonString();
        var kinds = world.Client.Notifications("$/progress").Where(p => p["params"]!["token"]!.ToJsonString() == token)
            .Select(p => (string)p["params"]!["value"]!["kind"]!).ToList();
        Assert.Equal("begin", kinds[0]);
        Assert.Equal("end", kinds[^1]);
        Assert.Equal(before, world.Repository.HashUserState());
    }

    private static JsonObject RangeNode(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    private static void AssertRange(JsonNode range, int startLine, int startCharacter, int endLine, int endCharacter) =>
        Assert.Equal($"{startLine}:{startCharacter}-{endLine}:{endCharacter}",
            $"{(int)range["start"]!["line"]!}:{(int)range["start"]!["character"]!}-{(int)range["end"]!["line"]!}:{(int)range["end"]!["character"]!}");
}
