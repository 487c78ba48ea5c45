using System.Text.Json;
using System.Text.Json.Nodes;
using Heal.Repair.Llm;
using Microsoft.AspNetCore.Http;
using Heal.Testing;

namespace Heal.Repair.Tests.Llm;

/// <summary>
/// Replies in the providers' real wire formats, as recorded from Ollama (<c>/api/chat</c>, one JSON object or
/// NDJSON lines) and OpenAI / Azure OpenAI (<c>chat.completion</c> JSON or <c>chat.completion.chunk</c> server-sent events).
/// </summary>
public static class WireReplies
{
    private const string Created = "2026-11-28T02:00:00.000000Z";

    /// <summary>The model answers <paramref name="content"/>; streamed in small pieces when the request asked for a stream.</summary>
    public static Func<RecordedRequest, HttpResponse, Task> Answer(LlmProvider provider, string content) =>
        (request, response) => provider == LlmProvider.Ollama
            ? OllamaAsync(request, response, content)
            : OpenAIAsync(request, response, content, refusal: null);

    /// <summary>An OpenAI-style refusal: <c>content</c> null, the reason in <c>refusal</c>.</summary>
    public static Func<RecordedRequest, HttpResponse, Task> Refusal(string refusal) =>
        (request, response) => OpenAIAsync(request, response, null, refusal);

    /// <summary>An HTTP error with the provider's error body.</summary>
    public static Func<RecordedRequest, HttpResponse, Task> Error(int status, string message) =>
        (_, response) =>
        {
            response.StatusCode = status;
            response.ContentType = "application/json";
            return response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error" } }.ToJsonString());
        };

    /// <summary>Answers only after <paramref name="release"/> completes (or the client goes away).</summary>
    public static Func<RecordedRequest, HttpResponse, Task> After(Task release, Func<RecordedRequest, HttpResponse, Task> then) =>
        async (request, response) =>
        {
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = response.HttpContext.RequestAborted.Register(() => aborted.TrySetResult());
            await Task.WhenAny(release, aborted.Task);
            if (!response.HttpContext.RequestAborted.IsCancellationRequested)
            {
                await then(request, response);
            }
        };

    public static bool AskedForStream(RecordedRequest request) =>
        JsonNode.Parse(request.RawBody)?["stream"]?.GetValue<bool>() ?? false;

    private static async Task OllamaAsync(RecordedRequest request, HttpResponse response, string content)
    {
        var model = JsonNode.Parse(request.RawBody)?["model"]?.GetValue<string>() ?? "";
        if (!AskedForStream(request))
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(OllamaChunk(model, content, done: true).ToJsonString());
            return;
        }

        response.ContentType = "application/x-ndjson";
        foreach (var piece in Pieces(content))
        {
            await response.WriteAsync(OllamaChunk(model, piece, done: false).ToJsonString() + "\n");
            await response.Body.FlushAsync();
        }

        await response.WriteAsync(OllamaChunk(model, "", done: true).ToJsonString() + "\n");
    }

    private static JsonObject OllamaChunk(string model, string content, bool done)
    {
        var chunk = new JsonObject
        {
            ["model"] = model,
            ["created_at"] = Created,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["done"] = done,
        };
        if (done)
        {
            chunk["done_reason"] = "stop";
            chunk["total_duration"] = 5_000_000_000L;
            chunk["load_duration"] = 1_000_000L;
            chunk["prompt_eval_count"] = 900;
            chunk["prompt_eval_duration"] = 1_000_000_000L;
            chunk["eval_count"] = 200;
            chunk["eval_duration"] = 3_000_000_000L;
        }

        return chunk;
    }

    private static async Task OpenAIAsync(RecordedRequest request, HttpResponse response, string? content, string? refusal)
    {
        var model = JsonNode.Parse(request.RawBody)?["model"]?.GetValue<string>() ?? "";
        if (!AskedForStream(request))
        {
            response.ContentType = "application/json";
            var completion = new JsonObject
            {
                ["id"] = "chatcmpl-heal-test",
                ["object"] = "chat.completion",
                ["created"] = 1795831200,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
                    ["logprobs"] = null,
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 900, ["completion_tokens"] = 200, ["total_tokens"] = 1100 },
                ["system_fingerprint"] = "fp_test",
            };
            await response.WriteAsync(completion.ToJsonString());
            return;
        }

        response.ContentType = "text/event-stream";
        var pieces = content is null ? [] : Pieces(content).ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            var delta = new JsonObject { ["content"] = pieces[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await response.WriteAsync("data: " + OpenAIChunk(model, delta, null).ToJsonString() + "\n\n");
            await response.Body.FlushAsync();
        }

        await response.WriteAsync("data: " + OpenAIChunk(model, new JsonObject(), "stop").ToJsonString() + "\n\ndata: [DONE]\n\n");
    }

    private static JsonObject OpenAIChunk(string model, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-heal-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1795831200,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason }),
    };

    private static IEnumerable<string> Pieces(string content)
    {
        for (var i = 0; i < content.Length; i += 24)
        {
            yield return content.Substring(i, Math.Min(24, content.Length - i));
        }
    }

    /// <summary>The model's JSON answer with a patch.</summary>
    public static string PatchReply(string patch, double confidence = 0.8, string fixKind = "try-get-value", string rootCause = "The order id is not in the dictionary, so the indexer throws.") =>
        JsonSerializer.Serialize(new { rootCause, patch, confidence, fixKind, decline = (string?)null });
}
