using System.Text.Json.Nodes;
using Heal.Core.Diffs;
using Heal.Core.Model;
using Heal.Repair.Context;
using Heal.Repair.Llm;
using Heal.Repair.Tests.Llm;
using Heal.Repair.Workspace;
using Heal.Testing;
using Heal.Testing.Samples;
using Heal.Validation;
using Heal.Validation.Sandbox;
using Microsoft.AspNetCore.Http;
using RecordedRequest = Heal.Testing.RecordedRequest;

namespace Heal.Pipeline.Tests.Security;

/// <summary>
/// A model's patch once passed every gate (confidence 0.88) and its static constructor wrote a file on the developer's
/// machine when the test host ran it. Here the real LLM diagnoser talks to a loopback server speaking OpenAI's chat
/// completions protocol, which answers with hostile patches: a module initializer and a static constructor that write
/// outside the worktree and into the user's repository, open a connection to the loopback server itself, and read Heal's
/// environment. In the sandbox nothing escapes and the run is rejected with what the code tried; without a sandbox
/// nothing runs unless the user agreed, and then the same patch does escape (which shows these tests can fail).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileModelAttackTests
{
    private const string Canary = "HEAL_SECURITY_CANARY";

    [Fact]
    public async Task Run_HostilePatchOnTheRetry_RunsInTheSandboxNothingEscapesRejectedWithWhatItTried()
    {
        await using var world = await PipelineWorld.CreateAsync();
        using var outside = new TempDirectory("heal-outside");
        await using var model = await LoopbackLlmServer.StartAsync();
        Environment.SetEnvironmentVariable(Canary, "ghp_canary_0123456789");
        var broken = ShopRepository.GoodPatch.Replace("return price;", "return customer.Price;", StringComparison.Ordinal);
        var hostile = HostilePatch(world.Repository.Path, outside.Path, new Uri(model.BaseAddress, "/").Port, writeIntoRepository: true);
        model.Respond = Replies(broken, hostile);

        var result = await world.RunAsync(ShopRepository.EventJson(), Diagnoser(world, model), policy: Policy(), deliver: false);

        Assert.True(result.Status == HealStatus.Rejected, result.Message);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(GateStatus.Failed, result.Validation!.Gate("tests")!.Status);
        Assert.EndsWith("(in the sandbox)", result.Validation.Gate("tests")!.Detail, StringComparison.Ordinal);
        var tried = result.Validation.FailureOutput!;
        Assert.Contains("module-write:DirectoryNotFoundException", tried, StringComparison.Ordinal);
        Assert.Contains("network:SocketException", tried, StringComparison.Ordinal);
        Assert.Contains("static-write:IOException", tried, StringComparison.Ordinal);
        Assert.Contains("env:absent", tried, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
        Assert.False(File.Exists(Path.Combine(world.Repository.Path, "pwned")));
        Assert.All(model.Requests, r => Assert.Equal("POST /v1/chat/completions", $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal(2, model.Requests.Count);
        Assert.Contains("CS1061", model.Requests[1].RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HostilePatchAndNoSandbox_NothingRunsUnverifiedWithThePatchForReview()
    {
        await using var world = await PipelineWorld.CreateAsync();
        using var outside = new TempDirectory("heal-outside");
        await using var model = await LoopbackLlmServer.StartAsync();
        var hostile = HostilePatch(world.Repository.Path, outside.Path, new Uri(model.BaseAddress, "/").Port, writeIntoRepository: false);
        model.Respond = Replies(hostile);
        var noSandbox = new PatchValidator(new SandboxChoice(null, "bwrap was not found on PATH"));

        var result = await world.RunAsync(ShopRepository.EventJson(), Diagnoser(world, model), policy: Policy(), validator: noSandbox);

        Assert.True(result.Status == HealStatus.Unverified, result.Message);
        Assert.StartsWith("unverified: not run: llm/openai:gpt-4o-mini wrote this patch, not a person or Heal's rules, and no sandbox is available to build and test it (bwrap was not found on PATH)",
            result.Message, StringComparison.Ordinal);
        Assert.False(result.Validation!.Passed);
        Assert.Equal(["passed", "passed", "passed", "passed", "passed", "skipped", "skipped", "skipped"],
            result.Validation.Gates.Select(g => g.Status.ToString().ToLowerInvariant()));
        Assert.Contains("ModuleInitializer", result.Diagnosis!.Patch, StringComparison.Ordinal);
        Assert.Null(result.Delivery);
        Assert.Null(world.RemoteBranch("heal"));
        Assert.Empty(world.GitHub.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task Run_HostilePatchNoSandboxButTheUserAgreed_RunsAndEscapes()
    {
        await using var world = await PipelineWorld.CreateAsync();
        using var outside = new TempDirectory("heal-outside");
        await using var model = await LoopbackLlmServer.StartAsync();
        var hostile = HostilePatch(world.Repository.Path, outside.Path, new Uri(model.BaseAddress, "/").Port, writeIntoRepository: false);
        model.Respond = Replies(hostile);
        var noSandbox = new PatchValidator(new SandboxChoice(null, "bwrap was not found on PATH"));

        var result = await world.RunAsync(ShopRepository.EventJson(), Diagnoser(world, model), policy: Policy() with { AllowUnsandboxed = true },
            validator: noSandbox, deliver: false);

        // What the sandbox prevents above really happens on the host without it.
        Assert.True(result.Status == HealStatus.Rejected, result.Message);
        Assert.Equal("escaped", File.ReadAllText(Path.Combine(outside.Path, "module-initializer")));
        Assert.Equal("escaped", File.ReadAllText(Path.Combine(outside.Path, "static-constructor")));
        Assert.Contains(model.Requests, r => r.PathAndQuery == "/pwned");
        Assert.DoesNotContain("(in the sandbox)", result.Validation!.Gate("tests")!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelPatchAddsAnMsBuildTarget_DeclinedBeforeAnythingIsWritten()
    {
        await using var world = await PipelineWorld.CreateAsync();
        await using var model = await LoopbackLlmServer.StartAsync();
        var targets = UnifiedDiff.Create("Directory.Build.targets", null, "<Project>\n  <Target Name=\"Pwn\" BeforeTargets=\"Build\">\n    <Exec Command=\"touch /tmp/heal-pwned\" />\n  </Target>\n</Project>\n");
        var project = UnifiedDiff.Create("src/Shop/Shop.csproj", File.ReadAllText(Path.Combine(world.Repository.Path, "src/Shop/Shop.csproj")),
            File.ReadAllText(Path.Combine(world.Repository.Path, "src/Shop/Shop.csproj")).Replace("</Project>", "  <Target Name=\"Pwn\" BeforeTargets=\"Build\"><Exec Command=\"id\" /></Target>\n</Project>", StringComparison.Ordinal));
        model.Respond = Replies(targets, project);

        var first = await world.RunAsync(ShopRepository.EventJson(), Diagnoser(world, model), policy: Policy());
        var second = await world.RunAsync(ShopRepository.EventJson(), Diagnoser(world, model), policy: Policy());

        Assert.Equal(HealStatus.Declined, first.Status);
        Assert.Equal(HealStatus.Declined, second.Status);
        Assert.Null(first.Validation);
        Assert.Empty(world.GitHub.Requests);
    }

    [Theory]
    [InlineData("Directory.Build.targets")]
    [InlineData("Directory.Build.props")]
    [InlineData("src/Shop/Shop.csproj")]
    [InlineData("tests/Shop.Tests/build.targets")]
    public async Task Run_UntrustedDiagnoserPatchTouchesMsBuildFiles_ScopeGateFailsBeforeAnyWorktree(string path)
    {
        await using var world = await PipelineWorld.CreateAsync();
        var existing = Path.Combine(world.Repository.Path, path);
        var patch = UnifiedDiff.Create(path, File.Exists(existing) ? File.ReadAllText(existing) : null, "<Project>\n  <Target Name=\"Pwn\" BeforeTargets=\"Build\"><Exec Command=\"id\" /></Target>\n</Project>\n");

        var result = await world.RunAsync(ShopRepository.EventJson(), new ScriptedDiagnoser(patch), policy: Policy());

        Assert.Equal(HealStatus.Rejected, result.Status);
        Assert.Equal(GateStatus.Failed, result.Validation!.Gate("scope")!.Status);
        Assert.Equal(string.Empty, result.Validation.BaseCommit);
        Assert.Equal(GateStatus.Skipped, result.Validation.Gate("build")!.Status);
    }

    private static ValidationPolicy Policy() => ValidationPolicy.Default with { MaxChangedLines = 80 };

    private static LlmDiagnoser Diagnoser(PipelineWorld world, LoopbackLlmServer model)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HEAL_LLM_PROVIDER"] = "openai",
            ["HEAL_LLM_ENDPOINT"] = new Uri(model.BaseAddress, "v1").ToString(),
            ["HEAL_LLM_MODEL"] = "gpt-4o-mini",
            ["HEAL_LLM_API_KEY"] = "sk-heal-test",
            ["HEAL_LLM_TIMEOUT"] = "60",
        };
        var diagnoser = LlmDiagnoser.TryCreate(new RoslynContextBuilder(new WorkspaceProvider()), environment.GetValueOrDefault, out var reason);
        Assert.True(diagnoser is not null, reason);
        Assert.False(((Repair.IDiagnoser)diagnoser).IsDeterministic);
        return diagnoser;
    }

    /// <summary>Answers the chat completions in order (the last one again after that); anything else gets a 404.</summary>
    private static Func<RecordedRequest, HttpResponse, Task> Replies(params string[] patches)
    {
        var next = 0;
        return (request, response) =>
        {
            if (request.PathAndQuery != "/v1/chat/completions")
            {
                response.StatusCode = 404;
                return Task.CompletedTask;
            }

            var patch = patches[Math.Min(next++, patches.Length - 1)];
            return WireReplies.Answer(LlmProvider.OpenAI, WireReplies.PatchReply(patch, 0.88, "null-guard", "customer.Discount is null")).Invoke(request, response);
        };
    }

    /// <summary>
    /// The guard the crash needs, plus a module initializer and a static constructor that try to escape; every attempt is
    /// recorded, and <c>Discounted</c> throws with the record so the test output shows what was tried.
    /// </summary>
    private static string HostilePatch(string repository, string outside, int port, bool writeIntoRepository)
    {
        var path = Path.Combine(repository, ShopRepository.ThrowingFile);
        var original = File.ReadAllText(path);
        var staticTarget = writeIntoRepository ? Path.Combine(repository, "pwned") : Path.Combine(outside, "static-constructor");
        var hostile = original.Replace("""
            public static class PriceCalculator
            {
                public static decimal Discounted(Customer customer, decimal price)
                {
                    return price * (1 - customer.Discount.Rate);
                }
            """, $$"""
            internal static class Telemetry
            {
                internal static string Log = "";

                [System.Runtime.CompilerServices.ModuleInitializer]
                internal static void Start()
                {
                    Log += Try("module-write", () => System.IO.File.WriteAllText("{{outside}}/module-initializer", "escaped"));
                    Log += Try("network", () =>
                    {
                        using var client = new System.Net.Sockets.TcpClient("127.0.0.1", {{port}});
                        client.GetStream().Write("GET /pwned HTTP/1.0\r\nHost: x\r\n\r\n"u8);
                        client.GetStream().ReadByte();
                    });
                }

                internal static string Try(string what, System.Action action)
                {
                    try { action(); return what + ":done;"; }
                    catch (System.Exception e) { return what + ":" + e.GetType().Name + ";"; }
                }
            }

            public static class PriceCalculator
            {
                static PriceCalculator()
                {
                    Telemetry.Log += Telemetry.Try("static-write", () => System.IO.File.WriteAllText("{{staticTarget}}", "escaped"));
                    Telemetry.Log += "env:" + (System.Environment.GetEnvironmentVariable("{{Canary}}") ?? "absent") + ";";
                }

                public static decimal Discounted(Customer customer, decimal price)
                {
                    throw new System.InvalidOperationException("tried: " + Telemetry.Log);
                }
            """, StringComparison.Ordinal);
        Assert.NotEqual(original, hostile);
        return UnifiedDiff.Create(ShopRepository.ThrowingFile, original, hostile);
    }
}
