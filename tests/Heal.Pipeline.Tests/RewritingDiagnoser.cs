using Heal.Core.Model;
using Heal.Repair;

namespace Heal.Pipeline.Tests;

/// <summary>
/// Stands in for a diagnoser whose patch contradicts its own evidence: it asks the real one, keeps its evidence and its
/// regression test, and rewrites the patch.
/// </summary>
internal sealed class RewritingDiagnoser(IDiagnoser inner, Func<string, string> rewrite) : IDiagnoser
{
    public string Name => "rewriting";

    public async Task<Diagnosis> DiagnoseAsync(RepairRequest request, CancellationToken cancellationToken)
    {
        var diagnosis = await inner.DiagnoseAsync(request, cancellationToken);
        return diagnosis.Patch is { } patch ? diagnosis with { Patch = rewrite(patch) } : diagnosis;
    }
}
