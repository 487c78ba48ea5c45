namespace Transit.Data;

public sealed record Departure(string Route, string Destination, TimeOnly Time, bool LowFloor);
