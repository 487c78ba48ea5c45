namespace Heal.Repair.Context;

/// <summary>Gathers the bounded context of a crash from the workspace, offline.</summary>
public interface IContextBuilder
{
    /// <summary>Null when no in-app frame of the event links to the repository (then there is nothing to patch).</summary>
    Task<RepairContext?> BuildAsync(RepairRequest request, CancellationToken cancellationToken);
}
