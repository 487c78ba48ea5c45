namespace Harbour.Berthing;

public sealed record Berth(string Name, double LengthMetres, double DepthMetres);

public sealed record PortCall(string Imo, DateTime Eta, DateTime Etd);

public sealed record Assignment(PortCall Call, string VesselName, Berth Berth);

public sealed class DayPlan
{
    public List<Assignment> Assignments { get; } = new();

    /// <summary>Calls that could not be given a berth, with the reason shown to the agent.</summary>
    public List<(PortCall Call, string Reason)> Unplanned { get; } = new();
}
