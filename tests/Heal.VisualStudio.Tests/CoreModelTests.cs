using Heal.VisualStudio.Core.Commands;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Review;
using Heal.VisualStudio.Core.Secrets;
using Heal.VisualStudio.Core.Server;
using Heal.VisualStudio.Core.Settings;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Heal.VisualStudio.Tests;

/// <summary>The core's pure parts: the options VS Code would send, the commands, progress routing, the review's texts.</summary>
public sealed class CoreModelTests
{
    [Theory]
    [InlineData("{}", """{"llm":{"provider":"offline"},"codeHost":{"url":"https://api.github.com"}}""")]
    [InlineData("""{"Store":" /d/heal.db ","Jsonl":"events.jsonl"}""", """{"store":"/d/heal.db","jsonl":"events.jsonl","llm":{"provider":"offline"},"codeHost":{"url":"https://api.github.com"}}""")]
    [InlineData("""{"ImportOrganization":"acme","ImportProject":"shop"}""", """{"sentry":{"org":"acme","project":"shop"},"llm":{"provider":"offline"},"codeHost":{"url":"https://api.github.com"}}""")]
    [InlineData("""{"ImportBaseUrl":"https://s.example","ImportOrganization":"acme"}""", """{"llm":{"provider":"offline"},"codeHost":{"url":"https://api.github.com"}}""")]
    [InlineData("""{"ImportBaseUrl":"https://s.example","ImportOrganization":"acme","ImportProject":"shop","LlmProvider":"openai","LlmEndpoint":"http://l","LlmModel":"m","CodeHostUrl":" ","CodeHostRepository":"acme/shop"}""",
        """{"sentry":{"url":"https://s.example","org":"acme","project":"shop"},"llm":{"provider":"openai","endpoint":"http://l","model":"m"},"codeHost":{"url":"https://api.github.com","repository":"acme/shop"}}""")]
    public void Build_Settings_TheOptionsVsCodeSends(string settingsJson, string expected)
    {
        var settings = JsonConvert.DeserializeObject<HealSettings>(settingsJson)!;

        Assert.Equal(expected, InitializationOptions.Build(settings).ToString(Formatting.None));
    }

    [Fact]
    public void From_StoredSecrets_OneVariablePerSecretAndNothingForBlankOnes()
    {
        var store = new MemorySecretStore();
        store.Write(SecretKind.GitHubToken, " ghp_1 ");
        store.Write(SecretKind.SentryToken, "sntrys_2");
        store.Write(SecretKind.LlmApiKey, "   ");

        var environment = SecretEnvironment.From(store);

        Assert.Equal(new Dictionary<string, string> { ["HEAL_GITHUB_TOKEN"] = "ghp_1", ["HEAL_SENTRY_TOKEN"] = "sntrys_2" }, environment);
    }

    [Fact]
    public void Redact_LineWithASecret_Masked() =>
        Assert.Equal("push with *** failed", new SecretRedactor(["ghp_abcdef"]).Redact("push with ghp_abcdef failed"));

    [Theory]
    [InlineData("""{"command":"heal.heal","arguments":[{"groupId":"00ff","uri":"file:///a.cs"}]}""", HealCommandKind.Heal, "00ff", "file:///a.cs")]
    [InlineData("""{"command":"heal.showErrorDetails","arguments":[{"groupId":"00ff"}]}""", HealCommandKind.ShowErrorDetails, "00ff", null)]
    [InlineData("""{"command":"heal.mute","arguments":["00ff"]}""", HealCommandKind.Mute, "00ff", null)]
    public void TryParse_HealCommand_KindGroupAndUri(string json, HealCommandKind kind, string groupId, string? uri)
    {
        Assert.True(HealCommand.TryParse(JToken.Parse(json), out var command));
        Assert.Equal(new HealCommand(kind, groupId, uri), command);
    }

    [Theory]
    [InlineData("""{"command":"editor.action.rename","arguments":[{"groupId":"00ff"}]}""")]
    [InlineData("""{"command":"heal.heal","arguments":[]}""")]
    [InlineData("""{"command":"heal.heal","arguments":[{"groupId":7}]}""")]
    [InlineData("[]")]
    public void TryParse_OtherCommandOrBadArgument_False(string json) =>
        Assert.False(HealCommand.TryParse(JToken.Parse(json), out _));

    [Fact]
    public async Task HandleRequestAsync_OtherCommand_PassedToTheServerUnchanged()
    {
        var interceptor = new HealMessageInterceptor(new HealProgressRouter(), _ => throw new InvalidOperationException("not a heal command"), _ => { });
        var parameters = JToken.Parse("""{"command":"other","arguments":[]}""");
        JToken? sent = null;

        var answer = await interceptor.HandleRequestAsync(HealMethods.ExecuteCommand, parameters, p => Task.FromResult<JToken?>(sent = p));

        Assert.Same(parameters, sent);
        Assert.Same(parameters, answer);
    }

    [Fact]
    public void Route_ProgressForARegisteredToken_ReportsMessagesUntilDisposed()
    {
        var router = new HealProgressRouter();
        var seen = new List<string>();
        var listener = new SynchronousProgress(seen);
        using (var token = router.Register(listener))
        {
            Assert.True(router.Route(JToken.Parse($$$"""{"token":"{{{token.Value}}}","value":{"kind":"begin","title":"Heal"}}""")));
            Assert.True(router.Route(JToken.Parse($$$"""{"token":"{{{token.Value}}}","value":{"kind":"report","message":"build"}}""")));
            Assert.True(router.Route(JToken.Parse($$$"""{"token":"{{{token.Value}}}","value":{"kind":"end","message":"done"}}""")));
            Assert.False(router.Route(JToken.Parse("""{"token":"other","value":{"kind":"report","message":"x"}}""")));
            Assert.False(router.Route(JToken.Parse("""{"token":5}""")));
            var value = token.Value!;
            token.Dispose();
            Assert.False(router.Route(JToken.Parse($$$"""{"token":"{{{value}}}","value":{"kind":"report","message":"late"}}""")));
        }

        Assert.Equal(["Heal", "build"], seen);
    }

    [Theory]
    [InlineData("declined", "declined: the intended behaviour of Total cannot be inferred.", "Heal declined to patch this error: the intended behaviour of Total cannot be inferred. Nothing was changed.")]
    [InlineData("error", "the workspace could not be loaded", "Heal: no patch (error): the workspace could not be loaded. Nothing was changed.")]
    public void NoPatchMessage_ResultWithoutPatch_ReasonWithoutTheStatusTwice(string status, string message, string expected)
    {
        var review = PatchReview.Create("00ff", null, new HealResult { Status = status, Message = message }, _ => null);

        Assert.False(review.HasPatch);
        Assert.False(review.CanOpenPullRequest);
        Assert.Equal(expected, review.NoPatchMessage);
    }

    [Fact]
    public void NoPatchMessage_DeclineWithCandidates_ListsThemBestFirstAndAppliesNone()
    {
        var result = JsonConvert.DeserializeObject<HealResult>("""
            {"status":"declined","message":"declined: two fixes fit equally","confidence":0,"gates":[],
             "candidates":[{"fixKind":"guard-return","summary":"return 0 when Discount is null","score":0.61,"patch":"--- a\n+++ b\n","evidence":[{"kind":"doc","path":"a.cs","line":3,"text":"/// 0 when none","outcome":"return `0`"}]},
                           {"fixKind":"throw","summary":"throw ArgumentException","score":0.4,"evidence":[]}]}
            """)!;

        var review = PatchReview.Create("00ff", null, result, _ => null);

        Assert.False(review.HasPatch);
        Assert.Equal("doc", review.Result.Candidates[0].Evidence.Single().Kind);
        Assert.Equal("Heal declined to patch this error: two fixes fit equally. Nothing was changed.\nFixes the evidence supported, none applied:"
            + "\n1. return 0 when Discount is null (guard-return, score 0.61)\n2. throw ArgumentException (throw, score 0.40)", review.NoPatchMessage);
    }

    [Fact]
    public void Accept_FileChangedSinceThePatchWasMade_NothingAppliedAndSaysWhich()
    {
        var path = Path.Combine(Path.GetTempPath(), "a.cs");
        var uri = new Uri(path).AbsoluteUri;
        var result = new HealResult
        {
            Status = "rejected",
            Confidence = 0.42,
            Gates = [new Gate { Name = "build", Status = "passed" }, new Gate { Name = "tests", Status = "failed", Detail = "1 failed" }],
            Edit = new LspWorkspaceEdit { Changes = { [uri] = [Edit(1, 4, 1, 5, "y")] } },
        };
        var text = "a\r\n    x;\r\n";
        var review = PatchReview.Create("00ff", uri, result, _ => text);

        Assert.Equal("a\r\n    y;\r\n", review.Files.Single().PatchedText);
        Assert.Equal("Heal: patch rejected (failed: tests) · confidence 42%. Apply it anyway?", review.Headline);
        Assert.False(review.CanOpenPullRequest);
        Assert.Equal([("✔", "build"), ("✘", "tests")], review.Rows.Select(r => (r.Mark, r.Gate)).ToArray());
        var stale = review.Accept(_ => "a\r\n    z;\r\n");
        Assert.Equal($"{path} changed since the patch was made; heal the error again", stale.Problem);
        Assert.Equal(ReviewState.Pending, review.State);
        review.Reject();
        Assert.Equal(ReviewState.Rejected, review.State);
        Assert.Equal("the review was already rejected", review.Accept(_ => text).Problem);
    }

    [Fact]
    public void Apply_SeveralEditsOnOneLine_AppliedFromTheEnd()
    {
        var uri = new Uri(Path.Combine(Path.GetTempPath(), "b.cs")).AbsoluteUri;
        var result = new HealResult
        {
            Status = "validated",
            Edit = new LspWorkspaceEdit { Changes = { [uri] = [Edit(0, 0, 0, 1, "A"), Edit(0, 2, 0, 3, "CC"), Edit(1, 0, 1, 0, "new\n")] } },
        };

        var review = PatchReview.Create("00ff", null, result, _ => "abc\nd");

        Assert.Equal("AbCC\nnew\nd", review.Files.Single().PatchedText);
    }

    private static LspTextEdit Edit(int startLine, int startCharacter, int endLine, int endCharacter, string text) => new()
    {
        Range = new LspRange { Start = new LspPosition { Line = startLine, Character = startCharacter }, End = new LspPosition { Line = endLine, Character = endCharacter } },
        NewText = text,
    };

    private sealed class SynchronousProgress(List<string> seen) : IProgress<string>
    {
        public void Report(string value) => seen.Add(value);
    }
}
