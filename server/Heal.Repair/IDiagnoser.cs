using Heal.Core.Model;

namespace Heal.Repair;

/// <summary>One way to diagnose an error: the offline rules, or an LLM. All return the same <see cref="Diagnosis"/>.</summary>
public interface IDiagnoser
{
    /// <summary>Stable name used in <see cref="Diagnosis.Diagnoser"/>, e.g. <c>rules</c> or <c>llm/ollama</c>.</summary>
    string Name { get; }

    /// <summary>Never throws for a bad event or a workspace it cannot read: it declines with the reason.</summary>
    Task<Diagnosis> DiagnoseAsync(RepairRequest request, CancellationToken cancellationToken);
}
