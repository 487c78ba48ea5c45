using Heal.Repair.Llm;

namespace Heal.Repair.Tests.Llm;

public sealed class LlmOptionsTests
{
    private const string Key = "sk-secret-options-0042";

    [Theory]
    [InlineData("HEAL_LLM_PROVIDER=ollama;HEAL_LLM_MODEL=qwen2.5-coder", "ollama qwen2.5-coder at http://localhost:11434/ (api key: none, timeout 120 s)")]
    [InlineData("HEAL_LLM_PROVIDER=openai;HEAL_LLM_MODEL=gpt-4o-mini;OPENAI_API_KEY=" + Key, "openai gpt-4o-mini at https://api.openai.com/v1 (api key: set, timeout 120 s)")]
    [InlineData("HEAL_LLM_PROVIDER=azure-openai;HEAL_LLM_MODEL=dep;HEAL_LLM_ENDPOINT=https://r.openai.azure.com;AZURE_OPENAI_API_KEY=" + Key + ";HEAL_LLM_TIMEOUT=7.5;HEAL_LLM_STREAM=1", "azure-openai dep at https://r.openai.azure.com/ (api key: set, timeout 7.5 s, streaming)")]
    [InlineData("HEAL_LLM_PROVIDER=OpenAI;HEAL_LLM_MODEL=local;HEAL_LLM_ENDPOINT=http://127.0.0.1:8080/v1;HEAL_LLM_API_KEY=" + Key + ";OPENAI_API_KEY=other", "openai local at http://127.0.0.1:8080/v1 (api key: set, timeout 120 s)")]
    public void FromEnvironment_Configured_ReadsOptionsAndNeverPrintsTheKey(string variables, string expected)
    {
        var options = LlmOptions.FromEnvironment(Lookup(variables), out var reason);

        Assert.True(options is not null, reason);
        Assert.Equal(expected, options.ToString());
        Assert.DoesNotContain(Key, $"{options} {options with { }} {options.DiagnoserName}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no LLM is configured (set HEAL_LLM_PROVIDER to ollama, azure-openai or openai)")]
    [InlineData("HEAL_LLM_PROVIDER=claude;HEAL_LLM_MODEL=x", "HEAL_LLM_PROVIDER is 'claude'; expected ollama, azure-openai or openai")]
    [InlineData("HEAL_LLM_PROVIDER=ollama", "HEAL_LLM_MODEL is not set (the model name)")]
    [InlineData("HEAL_LLM_PROVIDER=azure-openai;HEAL_LLM_MODEL=dep;AZURE_OPENAI_API_KEY=k", "HEAL_LLM_ENDPOINT is not set (e.g. https://my-resource.openai.azure.com)")]
    [InlineData("HEAL_LLM_PROVIDER=openai;HEAL_LLM_MODEL=gpt", "no API key: set HEAL_LLM_API_KEY or OPENAI_API_KEY")]
    [InlineData("HEAL_LLM_PROVIDER=ollama;HEAL_LLM_MODEL=m;HEAL_LLM_ENDPOINT=file:///etc/passwd", "HEAL_LLM_ENDPOINT 'file:///etc/passwd' is not an absolute http(s) address")]
    [InlineData("HEAL_LLM_PROVIDER=ollama;HEAL_LLM_MODEL=m;HEAL_LLM_TIMEOUT=soon", "HEAL_LLM_TIMEOUT 'soon' is not a number of seconds between 0 and 3600")]
    public void FromEnvironment_Incomplete_ReturnsNullWithReason(string variables, string expected)
    {
        Assert.Null(LlmOptions.FromEnvironment(Lookup(variables), out var reason));
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void TryCreate_Configured_DescribesItselfWithoutTheKey()
    {
        using var diagnoser = LlmDiagnoser.TryCreate(new FixedContextBuilder(null), Lookup("HEAL_LLM_PROVIDER=openai;HEAL_LLM_MODEL=gpt-4o-mini;OPENAI_API_KEY=" + Key), out var reason);

        Assert.True(diagnoser is not null, reason);
        Assert.Equal("llm/openai:gpt-4o-mini", diagnoser.Name);
        Assert.Equal("openai gpt-4o-mini at https://api.openai.com/v1 (api key: set, timeout 120 s)", diagnoser.Description);
    }

    [Fact]
    public void TryCreate_NotConfigured_ReturnsNullWithReason()
    {
        Assert.Null(LlmDiagnoser.TryCreate(new FixedContextBuilder(null), _ => null, out var reason));
        Assert.StartsWith("no LLM is configured", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_TextEchoingTheKey_HidesIt()
    {
        var options = new LlmOptions(LlmProvider.OpenAI, LlmOptions.DefaultOpenAIEndpoint, "m", Key, LlmOptions.DefaultTimeout);

        Assert.Equal("Incorrect API key provided: ***.", options.Redact($"Incorrect API key provided: {Key}."));
    }

    private static Func<string, string?> Lookup(string variables)
    {
        var map = variables.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return name => map.GetValueOrDefault(name);
    }
}
