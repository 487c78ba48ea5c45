using System.Text.Json.Nodes;
using Heal.Core.Diffs;
using Heal.Repair.Llm;
using Heal.Repair.Tests.Llm;
using Heal.Testing;
using Heal.Testing.Samples;
using RecordedRequest = Heal.Testing.RecordedRequest;

namespace Heal.LanguageServer.Tests.Security;

/// <summary>
/// "Heal asks before running model-written code", through the real processes: <c>heal lsp</c> and <c>heal fix</c>,
/// configured for an OpenAI-compatible model (a loopback server speaking its protocol) and with no sandbox
/// (<c>HEAL_SANDBOX=none</c>), get a patch whose module initializer writes a file outside the repository. The editor gets
/// it <c>unverified</c>, with the edit for review and the build and tests "not run"; the CLI prints it and refuses with
/// exit code 4 unless <c>--allow-unsandboxed</c>. Nothing the model wrote runs.
/// </summary>
public sealed class UnsandboxedModelPatchAttackTests
{
    [Fact]
    public async Task Fix_ModelPatchAndNoSandbox_Exit4WithThePatchAndNothingRun()
    {
        using var repository = GitRepository.Create(ShopRepository.Fixture);
        using var outside = new TempDirectory("heal-outside");
        await using var model = await LoopbackLlmServer.StartAsync();
        var marker = outside.Combine("escaped");
        var original = File.ReadAllText(Path.Combine(repository.Path, ShopRepository.ThrowingFile));
        model.Respond = HostileReply(original, marker);
        var eventFile = outside.Combine("event.json");
        File.WriteAllText(eventFile, ShopRepository.EventJson());
        var before = repository.HashUserState();

        var (exitCode, stdout, stderr) = await RunHealAsync(Environment(model), "fix", "--repo", repository.Path, "--event", eventFile, "--quiet");

        Assert.True(exitCode == 4, stdout + stderr);
        Assert.StartsWith("Result: unverified — unverified: not run: llm/openai:gpt-4o-mini wrote this patch", stdout, StringComparison.Ordinal);
        Assert.Contains("[System.Runtime.CompilerServices.ModuleInitializer]", stdout, StringComparison.Ordinal);
        Assert.Contains("heal fix: refusing to build or test a model-written patch without a sandbox.", stderr, StringComparison.Ordinal);
        Assert.Contains("--allow-unsandboxed", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.Equal(string.Empty, repository.Git("for-each-ref", "refs/heads/heal"));
        Assert.Equal(before, repository.HashUserState());
    }

    [Fact]
    public async Task Heal_ModelPatchAndNoSandbox_UnverifiedWithTheEditAndNothingRun()
    {
        using var outside = new TempDirectory("heal-outside");
        await using var model = await LoopbackLlmServer.StartAsync();
        await using var world = await LspWorld.CreateWithOptionsAsync(w => new JsonObject { ["store"] = w.StorePath },
            w => w.AppendAsync(ShopRepository.EventJson()).GetAwaiter().GetResult(), Environment(model));
        var marker = outside.Combine("escaped");
        model.Respond = HostileReply(world.ThrowingText, marker);
        var groupId = (string)(await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0))[0]!["code"]!;
        var before = world.Repository.HashUserState();

        var response = await world.Client.RequestAsync("heal/heal", new JsonObject { ["groupId"] = groupId, ["uri"] = world.ThrowingUri });

        var result = response["result"] ?? throw new InvalidOperationException(response.ToJsonString());
        Assert.True((string)result["status"]! == "unverified", response.ToJsonString());
        Assert.StartsWith("unverified: not run: llm/openai:gpt-4o-mini wrote this patch", (string)result["message"]!, StringComparison.Ordinal);
        Assert.Contains("HEAL_SANDBOX=none", (string)result["message"]!, StringComparison.Ordinal);
        Assert.NotNull(result["edit"]?["changes"]?[world.ThrowingUri]);
        var gates = result["gates"]!.AsArray().ToDictionary(g => (string)g!["name"]!, g => (string)g!["status"]!);
        Assert.Equal(("passed", "skipped", "skipped"), (gates["applies"], gates["build"], gates["tests"]));
        Assert.False(File.Exists(marker));
        Assert.Single(model.Requests);
        Assert.Equal(before, world.Repository.HashUserState());
    }

    private static Dictionary<string, string> Environment(LoopbackLlmServer model) => new()
    {
        ["HEAL_LLM_PROVIDER"] = "openai",
        ["HEAL_LLM_ENDPOINT"] = new Uri(model.BaseAddress, "v1").ToString(),
        ["HEAL_LLM_MODEL"] = "gpt-4o-mini",
        ["HEAL_LLM_API_KEY"] = "sk-heal-test",
        ["HEAL_SANDBOX"] = "none",
    };

    /// <summary>The guard the crash needs, and a module initializer that writes <paramref name="marker"/> when the assembly loads.</summary>
    private static Func<RecordedRequest, Microsoft.AspNetCore.Http.HttpResponse, Task> HostileReply(string original, string marker)
    {
        var hostile = original.Replace("public static class PriceCalculator", $$"""
            internal static class Startup
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                internal static void Run() => System.IO.File.WriteAllText("{{marker}}", "escaped");
            }

            public static class PriceCalculator
            """, StringComparison.Ordinal).Replace("return price * (1 - customer.Discount.Rate);", "return customer.Discount == null ? price : price * (1 - customer.Discount.Rate);", StringComparison.Ordinal);
        return WireReplies.Answer(LlmProvider.OpenAI, WireReplies.PatchReply(UnifiedDiff.Create(ShopRepository.ThrowingFile, original, hostile), 0.88, "null-guard", "customer.Discount is null"));
    }

    /// <summary>The real <c>heal</c> (this project's output) as a process, in <paramref name="environment"/>.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHealAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var self = System.Environment.ProcessPath;
        var start = new System.Diagnostics.ProcessStartInfo(self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heal.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout, await stderr);
    }
}
