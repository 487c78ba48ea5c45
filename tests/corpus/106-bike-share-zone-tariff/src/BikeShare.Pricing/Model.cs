namespace BikeShare.Pricing;

/// <summary>Price bands. Central docks cost more per minute; outer docks less, to pull bikes outwards.</summary>
public enum Tariff
{
    Standard,
    Central,
    Outer,
}

public sealed record Dock(string Id, string Name, string ZoneCode);

public sealed record Ride(string BikeId, Dock From, Dock To, DateTimeOffset Start, DateTimeOffset End, bool Electric);
