using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Llm;
using Microsoft.AspNetCore.Http;
using Heal.Testing;

namespace Heal.Repair.Tests.Llm;

/// <summary>
/// The one check helper for the LLM diagnoser: a real loopback server speaking <paramref name="provider"/>'s
/// wire protocol answers with a recorded reply; the diagnoser is configured through the same environment
/// variables users set. Asserts on every run that the repository was not written and the key was never logged.
/// </summary>
public static partial class LlmCheck
{
    public const string ApiKey = "sk-heal-test-7f3a9c1e5b2d";
    public const string OllamaModel = "qwen2.5-coder:7b";
    public const string OpenAIModel = "gpt-4o-mini";
    public const string AzureDeployment = "heal-gpt4o";

    /// <summary>What one run produced. <see cref="Request"/> is null only when a timeout fired before the request left.</summary>
    public sealed record Outcome(Diagnosis Diagnosis, RecordedRequest? Request, string UserMessage, string SystemMessage, string Logs);

    public static async Task<Outcome> RunAsync(
        LlmProvider provider,
        Func<RecordedRequest, HttpResponse, Task> reply,
        bool stream = false,
        ErrorEvent? evt = null,
        string? previousAttemptFailure = null,
        string timeoutSeconds = "30",
        TaskCompletionSource? releaseAfterRun = null)
    {
        using var repository = new CrashRepository();
        var before = repository.Snapshot();
        await using var server = await LoopbackLlmServer.StartAsync();
        server.Respond = reply;
        evt ??= CrashRepository.Event();
        var logger = new RecordingLogger();
        var environment = Environment(provider, server.BaseAddress, stream, timeoutSeconds);
        using var diagnoser = LlmDiagnoser.TryCreate(new FixedContextBuilder(CrashRepository.Context(evt)), environment.GetValueOrDefault, out var reason, logger);
        Assert.True(diagnoser is not null, reason);

        Diagnosis diagnosis;
        try
        {
            diagnosis = await diagnoser!.DiagnoseAsync(new RepairRequest(evt, repository.Root, previousAttemptFailure), CancellationToken.None);
        }
        finally
        {
            releaseAfterRun?.TrySetResult();
        }

        Assert.Equal(before, repository.Snapshot());
        // A very short timeout on a loaded machine may fire before the request is sent; every other run sends exactly one.
        var request = releaseAfterRun is null ? Assert.Single(server.Requests) : server.Requests.SingleOrDefault();
        Assert.DoesNotContain(ApiKey, logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, diagnosis.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, request?.RawBody ?? "", StringComparison.Ordinal);
        Assert.Equal(diagnoser.Name, diagnosis.Diagnoser);
        return request is null
            ? new Outcome(diagnosis, null, "", "", logger.AllText)
            : new Outcome(diagnosis, request, Message(request, "user"), Message(request, "system"), logger.AllText);
    }

    /// <summary>The model replies <paramref name="content"/>; asserts a diagnosis and returns it.</summary>
    public static async Task<Outcome> DiagnosesAsync(LlmProvider provider, string content, bool stream = false)
    {
        var outcome = await RunAsync(provider, WireReplies.Answer(provider, content), stream);
        Assert.True(outcome.Diagnosis.Status == DiagnosisStatus.Diagnosed, $"declined: {outcome.Diagnosis.DeclineReason}");
        Assert.NotNull(outcome.Diagnosis.Patch);
        Assert.InRange(outcome.Diagnosis.Confidence, 0, 1);
        return outcome;
    }

    /// <summary>The model replies <paramref name="content"/>; asserts a decline whose reason contains <paramref name="reasonContains"/>.</summary>
    public static Task<Outcome> DeclinesAsync(LlmProvider provider, string content, string reasonContains, ErrorEvent? evt = null) =>
        DeclinesAsync(provider, WireReplies.Answer(provider, content), reasonContains, evt);

    public static async Task<Outcome> DeclinesAsync(LlmProvider provider, Func<RecordedRequest, HttpResponse, Task> reply, string reasonContains, ErrorEvent? evt = null, string timeoutSeconds = "30", TaskCompletionSource? releaseAfterRun = null)
    {
        var outcome = await RunAsync(provider, reply, evt: evt, timeoutSeconds: timeoutSeconds, releaseAfterRun: releaseAfterRun);
        var diagnosis = outcome.Diagnosis;
        Assert.True(diagnosis.Status == DiagnosisStatus.Declined, $"expected a decline, got a patch:\n{diagnosis.Patch}");
        Assert.Null(diagnosis.Patch);
        Assert.Empty(diagnosis.Files);
        Assert.Contains(reasonContains, diagnosis.DeclineReason, StringComparison.Ordinal);
        return outcome;
    }

    public static Dictionary<string, string> Environment(LlmProvider provider, Uri server, bool stream, string timeoutSeconds)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HEAL_LLM_PROVIDER"] = LlmOptions.ProviderName(provider),
            ["HEAL_LLM_TIMEOUT"] = timeoutSeconds,
            ["HEAL_LLM_STREAM"] = stream ? "1" : "0",
        };
        switch (provider)
        {
            case LlmProvider.Ollama:
                environment["HEAL_LLM_ENDPOINT"] = server.ToString();
                environment["HEAL_LLM_MODEL"] = OllamaModel;
                break;
            case LlmProvider.OpenAI:
                environment["HEAL_LLM_ENDPOINT"] = new Uri(server, "v1").ToString();
                environment["HEAL_LLM_MODEL"] = OpenAIModel;
                environment["OPENAI_API_KEY"] = ApiKey;
                break;
            case LlmProvider.AzureOpenAI:
                environment["HEAL_LLM_ENDPOINT"] = server.ToString();
                environment["HEAL_LLM_MODEL"] = AzureDeployment;
                environment["AZURE_OPENAI_API_KEY"] = ApiKey;
                break;
        }

        return environment;
    }

    /// <summary>The text of the first message with <paramref name="role"/> in an Ollama or OpenAI request body.</summary>
    public static string Message(RecordedRequest request, string role)
    {
        var messages = JsonNode.Parse(request.RawBody)!["messages"]!.AsArray();
        var message = messages.First(m => m!["role"]!.GetValue<string>() == role)!;
        var content = message["content"]!;
        return content is JsonArray parts
            ? string.Concat(parts.Select(p => p!["text"]?.GetValue<string>() ?? ""))
            : content.GetValue<string>();
    }

    /// <summary>Asserts that <paramref name="text"/> occurs in the user message only inside the event fence, and that the fence is closed exactly once.</summary>
    public static void InsideUntrustedFence(string userMessage, string text)
    {
        var open = OpenFence().Match(userMessage);
        Assert.True(open.Success, "no UNTRUSTED-EVENT-DATA fence in the prompt");
        var nonce = open.Groups["nonce"].Value;
        var closeMarker = $">>>END UNTRUSTED-EVENT-DATA {nonce}";
        var close = userMessage.IndexOf(closeMarker, StringComparison.Ordinal);
        Assert.True(close > open.Index, "the fence is not closed after it opens");
        Assert.Equal(close, userMessage.LastIndexOf(closeMarker, StringComparison.Ordinal));
        Assert.Single(OpenFence().Matches(userMessage).Cast<Match>());
        Assert.Single(Regex.Matches(userMessage, ">>>END UNTRUSTED-EVENT-DATA").Cast<Match>());
        var first = userMessage.IndexOf(text, StringComparison.Ordinal);
        Assert.True(first > open.Index && first < close, $"'{text}' is not inside the untrusted fence");
        Assert.Equal(first, userMessage.LastIndexOf(text, close, StringComparison.Ordinal));
        Assert.DoesNotContain(text, userMessage[(close + closeMarker.Length)..], StringComparison.Ordinal);
    }

    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<<<UNTRUSTED-EVENT-DATA (?<nonce>[0-9a-f]{32})\r?\n")]
    private static partial Regex OpenFence();
}
