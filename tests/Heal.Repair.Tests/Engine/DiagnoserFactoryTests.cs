using Heal.Repair.Engine;
using Heal.Repair.Workspace;

namespace Heal.Repair.Tests.Engine;

public sealed class DiagnoserFactoryTests
{
    [Theory]
    [InlineData(true, null, "offline: rules only, as asked")]
    [InlineData(true, "ollama", "offline: rules only, as asked")]
    [InlineData(false, null, "offline: no LLM is configured (HEAL_LLM_PROVIDER is not set)")]
    [InlineData(false, " ", "offline: no LLM is configured (HEAL_LLM_PROVIDER is not set)")]
    public void Create_OfflineOrNoLlm_ChoosesRules(bool offline, string? provider, string why)
    {
        var choice = DiagnoserFactory.Create(offline, name => name == DiagnoserFactory.LlmProviderVariable ? provider : null, new WorkspaceProvider());

        Assert.Equal("rules", choice.Diagnoser.Name);
        Assert.Equal(why, choice.Why);
    }
}
