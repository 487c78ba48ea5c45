namespace Parking.Garage;

public sealed record OccupancyLine(string Plate, TimeSpan Parked, decimal FeeSoFar);

/// <summary>The control room's list of cars in the garage, with what each would pay if it left now.</summary>
public sealed class OccupancyReport
{
    private readonly Tariff _tariff;

    public OccupancyReport(Tariff tariff)
    {
        _tariff = tariff;
    }

    public IReadOnlyList<OccupancyLine> CarsInside(IEnumerable<ParkingSession> sessions, DateTimeOffset now) =>
        sessions
            .Where(s => s.IsOpen)
            .Select(s => new OccupancyLine(s.Plate, s.Duration(now), _tariff.FeeFor(s.Duration(now))))
            .OrderByDescending(l => l.Parked)
            .ToList();

    public decimal TakingsFor(IEnumerable<ParkingSession> sessions, DateOnly day, TimeZoneInfo zone) =>
        sessions
            .Where(s => s.ExitedAt is { } exit && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(exit, zone).DateTime) == day)
            .Sum(s => _tariff.FeeFor(s.Duration(s.ExitedAt!.Value)));
}
