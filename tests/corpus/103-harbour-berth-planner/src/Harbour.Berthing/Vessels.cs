namespace Harbour.Berthing;

/// <summary>A ship as registered with the harbour master.</summary>
public sealed record Vessel(string Imo, string Name, double LengthMetres, double DraughtMetres);

/// <summary>The harbour's register of vessels, keyed by IMO number.</summary>
public sealed class VesselRegistry
{
    private readonly Dictionary<string, Vessel> _vessels = new(StringComparer.OrdinalIgnoreCase);

    public void Register(Vessel vessel) => _vessels[vessel.Imo] = vessel;

    /// <summary>Looks a vessel up by IMO number.</summary>
    /// <returns>The vessel, or <c>null</c> when none is registered under that number.</returns>
    public Vessel? Find(string imo) => _vessels.TryGetValue(imo, out var vessel) ? vessel : null;
}

/// <summary>Thrown when a port call names a vessel the harbour has no record of.</summary>
public sealed class UnknownVesselException : Exception
{
    public UnknownVesselException(string imo)
        : base($"No vessel is registered with IMO number {imo}.")
    {
        Imo = imo;
    }

    public string Imo { get; }
}
