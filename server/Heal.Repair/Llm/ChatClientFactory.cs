using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Heal.Repair.Llm;

/// <summary>Builds the one <see cref="IChatClient"/> for the configured provider. The only place that knows the SDKs.</summary>
public static class ChatClientFactory
{
    /// <summary>
    /// Creates the client. <paramref name="httpClient"/> (optional, fresh: its timeout and, for Ollama, its base
    /// address are set here) carries the requests, so tests and proxies can see them; the caller disposes it.
    /// The diagnoser owns the timeout, so the SDKs' own timeouts and retries are turned off.
    /// </summary>
    public static IChatClient Create(LlmOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        httpClient ??= new HttpClient();
        httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        return options.Provider switch
        {
            LlmProvider.Ollama => CreateOllama(options, httpClient),
            LlmProvider.AzureOpenAI => CreateAzureOpenAI(options, httpClient),
            LlmProvider.OpenAI => CreateOpenAI(options, httpClient),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "unknown LLM provider"),
        };
    }

    private static IChatClient CreateOllama(LlmOptions options, HttpClient httpClient)
    {
        httpClient.BaseAddress = options.Endpoint;
        if (options.ApiKey is { } key)
        {
            // A local Ollama needs no key; one behind a proxy usually takes a bearer token.
            httpClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return new OllamaApiClient(httpClient, options.Model);
    }

    private static IChatClient CreateAzureOpenAI(LlmOptions options, HttpClient httpClient)
    {
        var clientOptions = new AzureOpenAIClientOptions();
        Configure(clientOptions, options, httpClient);
        var client = new AzureOpenAIClient(options.Endpoint, new ApiKeyCredential(options.ApiKey ?? ""), clientOptions);
        return client.GetChatClient(options.Model).AsIChatClient();
    }

    private static IChatClient CreateOpenAI(LlmOptions options, HttpClient httpClient)
    {
        var clientOptions = new OpenAIClientOptions { Endpoint = options.Endpoint };
        Configure(clientOptions, options, httpClient);
        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "none"), clientOptions);
        return client.GetChatClient(options.Model).AsIChatClient();
    }

    private static void Configure(ClientPipelineOptions clientOptions, LlmOptions options, HttpClient httpClient)
    {
        clientOptions.Transport = new HttpClientPipelineTransport(httpClient);

        // Retries would multiply the wait past the configured timeout and hide the first error.
        clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        clientOptions.NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(5);
    }
}
