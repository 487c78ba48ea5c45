namespace Heal.Repair.Llm;

/// <summary>The wire protocols Heal can speak to a model.</summary>
public enum LlmProvider
{
    /// <summary>Ollama's native API (<c>POST /api/chat</c>).</summary>
    Ollama,

    /// <summary>Azure OpenAI (<c>POST /openai/deployments/{deployment}/chat/completions</c>, <c>api-key</c> header).</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible endpoint (<c>POST /v1/chat/completions</c>, bearer token).</summary>
    OpenAI,
}
