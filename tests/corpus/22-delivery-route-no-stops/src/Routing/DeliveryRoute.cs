namespace Routing;

public sealed class Stop
{
    public required string Postcode { get; init; }
    public required TimeOnly WindowOpens { get; init; }
    public int Parcels { get; init; } = 1;
    public double LegKm { get; init; }
}

public sealed class DeliveryRoute
{
    public required string Van { get; init; }
    public required string Driver { get; init; }
    public TimeOnly Departure { get; init; } = new(7, 30);
    public List<Stop> Stops { get; } = new();
}
