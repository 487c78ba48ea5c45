using Heal.Core.Model;

namespace Heal.Repair;

/// <summary>One way to diagnose an error: the offline rules, or an LLM. All return the same <see cref="Diagnosis"/>.</summary>
public interface IDiagnoser
{
    /// <summary>Stable name used in <see cref="Diagnosis.Diagnoser"/>, e.g. <c>rules</c> or <c>llm/ollama</c>.</summary>
    string Name { get; }

    /// <summary>
    /// True only for a diagnoser whose patches are derived deterministically from the repository's own code (the offline
    /// rules). Any other patch — a model's, or one from a diagnoser that does not say — is code no human wrote, and
    /// validation builds and tests it only inside a sandbox (or after the user agrees). False unless overridden.
    /// </summary>
    bool IsDeterministic => false;

    /// <summary>Never throws for a bad event or a workspace it cannot read: it declines with the reason.</summary>
    Task<Diagnosis> DiagnoseAsync(RepairRequest request, CancellationToken cancellationToken);
}
