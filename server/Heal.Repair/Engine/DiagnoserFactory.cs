using Heal.Repair.Workspace;

namespace Heal.Repair.Engine;

/// <summary>
/// Chooses the diagnoser from configuration: the offline rules when asked to (<c>--offline</c>) or when no
/// LLM is configured (<c>HEAL_LLM_PROVIDER</c> unset), else the LLM. The one place that choice is made.
/// </summary>
public static class DiagnoserFactory
{
    public const string LlmProviderVariable = "HEAL_LLM_PROVIDER";

    /// <param name="offline">Use the rules only, whatever is configured.</param>
    /// <param name="environment">Reads a configuration variable (the process environment in production).</param>
    public static DiagnoserChoice Create(bool offline, Func<string, string?> environment, WorkspaceProvider workspaces)
    {
        var rules = new RulesDiagnoser(workspaces);
        if (offline)
        {
            return new DiagnoserChoice(rules, "offline: rules only, as asked");
        }

        if (string.IsNullOrWhiteSpace(environment(LlmProviderVariable)))
        {
            return new DiagnoserChoice(rules, $"offline: no LLM is configured ({LlmProviderVariable} is not set)");
        }

        // The LLM reads the rest of its HEAL_LLM_* settings itself; a bad setting falls back to the rules, saying why.
        var llm = Llm.LlmDiagnoser.TryCreate(new Context.RoslynContextBuilder(workspaces), environment, out var reason);
        return llm is null
            ? new DiagnoserChoice(rules, $"offline: the LLM is not usable ({reason})")
            : new DiagnoserChoice(llm, llm.Description);
    }
}
