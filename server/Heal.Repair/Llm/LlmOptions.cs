using System.Globalization;

namespace Heal.Repair.Llm;

/// <summary>How to reach a model. <see cref="ToString"/> never prints <see cref="ApiKey"/>.</summary>
/// <param name="Provider">The wire protocol.</param>
/// <param name="Endpoint">Base address: <c>http://localhost:11434</c> for Ollama, <c>https://x.openai.azure.com</c> for Azure, <c>https://api.openai.com/v1</c> for OpenAI.</param>
/// <param name="Model">The model name, or the deployment name for Azure OpenAI.</param>
/// <param name="ApiKey">Secret; null for a local Ollama.</param>
/// <param name="Timeout">How long one model call may take before the diagnoser declines.</param>
/// <param name="Stream">Ask for a streamed reply (NDJSON or server-sent events) and assemble it.</param>
public sealed record LlmOptions(
    LlmProvider Provider,
    Uri Endpoint,
    string Model,
    string? ApiKey,
    TimeSpan Timeout,
    bool Stream = false)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static readonly Uri DefaultOllamaEndpoint = new("http://localhost:11434");

    public static readonly Uri DefaultOpenAIEndpoint = new("https://api.openai.com/v1");

    /// <summary>The name used in <c>Diagnosis.Diagnoser</c>, e.g. <c>llm/ollama:qwen2.5-coder</c>.</summary>
    public string DiagnoserName => $"llm/{ProviderName(Provider)}:{Model}";

    /// <summary>
    /// Reads <c>HEAL_LLM_PROVIDER</c>, <c>HEAL_LLM_ENDPOINT</c>, <c>HEAL_LLM_MODEL</c>, <c>HEAL_LLM_API_KEY</c>
    /// (else <c>AZURE_OPENAI_API_KEY</c> / <c>OPENAI_API_KEY</c>), <c>HEAL_LLM_TIMEOUT</c> (seconds) and
    /// <c>HEAL_LLM_STREAM</c>. Returns null with the reason when no model is configured or a value is invalid.
    /// </summary>
    public static LlmOptions? FromEnvironment(Func<string, string?> getVariable, out string? reason)
    {
        string? Get(string name) => getVariable(name) is { Length: > 0 } value ? value.Trim() : null;

        var providerText = Get("HEAL_LLM_PROVIDER");
        if (providerText is null)
        {
            reason = "no LLM is configured (set HEAL_LLM_PROVIDER to ollama, azure-openai or openai)";
            return null;
        }

        if (ParseProvider(providerText) is not { } provider)
        {
            reason = $"HEAL_LLM_PROVIDER is '{providerText}'; expected ollama, azure-openai or openai";
            return null;
        }

        var model = Get("HEAL_LLM_MODEL");
        if (model is null)
        {
            reason = provider == LlmProvider.AzureOpenAI
                ? "HEAL_LLM_MODEL is not set (the Azure OpenAI deployment name)"
                : "HEAL_LLM_MODEL is not set (the model name)";
            return null;
        }

        var endpointText = Get("HEAL_LLM_ENDPOINT");
        Uri endpoint;
        if (endpointText is null)
        {
            if (provider == LlmProvider.AzureOpenAI)
            {
                reason = "HEAL_LLM_ENDPOINT is not set (e.g. https://my-resource.openai.azure.com)";
                return null;
            }

            endpoint = provider == LlmProvider.Ollama ? DefaultOllamaEndpoint : DefaultOpenAIEndpoint;
        }
        else if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint!) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            reason = $"HEAL_LLM_ENDPOINT '{endpointText}' is not an absolute http(s) address";
            return null;
        }

        var apiKey = Get("HEAL_LLM_API_KEY") ?? provider switch
        {
            LlmProvider.AzureOpenAI => Get("AZURE_OPENAI_API_KEY"),
            LlmProvider.OpenAI => Get("OPENAI_API_KEY"),
            _ => null,
        };
        if (apiKey is null && provider != LlmProvider.Ollama)
        {
            reason = provider == LlmProvider.AzureOpenAI
                ? "no API key: set HEAL_LLM_API_KEY or AZURE_OPENAI_API_KEY"
                : "no API key: set HEAL_LLM_API_KEY or OPENAI_API_KEY";
            return null;
        }

        var timeout = DefaultTimeout;
        if (Get("HEAL_LLM_TIMEOUT") is { } timeoutText)
        {
            if (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
            {
                reason = $"HEAL_LLM_TIMEOUT '{timeoutText}' is not a number of seconds between 0 and 3600";
                return null;
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        var stream = Get("HEAL_LLM_STREAM") is "1" or "true" or "TRUE" or "True" or "yes";
        reason = null;
        return new LlmOptions(provider, endpoint, model, apiKey, timeout, stream);
    }

    /// <summary>Reads the process environment; see <see cref="FromEnvironment(Func{string, string?}, out string?)"/>.</summary>
    public static LlmOptions? FromEnvironment(out string? reason) => FromEnvironment(Environment.GetEnvironmentVariable, out reason);

    public static LlmProvider? ParseProvider(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ollama" => LlmProvider.Ollama,
        "azure-openai" or "azure" or "azureopenai" => LlmProvider.AzureOpenAI,
        "openai" => LlmProvider.OpenAI,
        _ => null,
    };

    public static string ProviderName(LlmProvider provider) => provider switch
    {
        LlmProvider.Ollama => "ollama",
        LlmProvider.AzureOpenAI => "azure-openai",
        LlmProvider.OpenAI => "openai",
        _ => provider.ToString(),
    };

    /// <summary>Replaces every occurrence of the key in <paramref name="text"/>, for messages that might echo a request.</summary>
    public string Redact(string text) =>
        ApiKey is { Length: > 0 } key ? text.Replace(key, "***", StringComparison.Ordinal) : text;

    // The generated record ToString would print the key; this one says only whether there is one.
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ProviderName(Provider)} {Model} at {Endpoint} (api key: {(ApiKey is null ? "none" : "set")}, timeout {Timeout.TotalSeconds:0.#} s{(Stream ? ", streaming" : "")})");

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(ToString());
        return true;
    }
}
