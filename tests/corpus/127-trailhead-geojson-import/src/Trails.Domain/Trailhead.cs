namespace Trails.Domain;

public sealed record Trailhead(string Id, string Name, GeoPoint Location, int ParkingSpaces);
