using Heal.Repair.Context;

namespace Heal.Repair.Tests.Llm;

/// <summary>Stands in for the Roslyn builder: returns the context it was given (or null: nothing links).</summary>
public sealed class FixedContextBuilder(RepairContext? context) : IContextBuilder
{
    public Task<RepairContext?> BuildAsync(RepairRequest request, CancellationToken cancellationToken) => Task.FromResult(context);
}
