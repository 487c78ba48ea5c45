using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair;

namespace Heal.Pipeline.Tests;

/// <summary>
/// Stands in for a diagnoser that may be wrong or compromised (an LLM that followed instructions hidden in an
/// event): it returns the scripted patches in order and records what it was asked.
/// </summary>
internal sealed class ScriptedDiagnoser(params string[] patches) : IDiagnoser
{
    private int _calls;

    public List<RepairRequest> Requests { get; } = [];

    public string Name => "scripted";

    public Task<Diagnosis> DiagnoseAsync(RepairRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var patch = patches[Math.Min(_calls++, patches.Length - 1)];
        return Task.FromResult(Diagnosis.Diagnosed("scripted", "customer.Discount is null", patch, ["src/Shop/PriceCalculator.cs"], "null-guard", 0.9,
            ImmutableArray<ConfidenceReason>.Empty, ImmutableArray<Evidence>.Empty));
    }
}
