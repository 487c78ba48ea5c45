namespace Parking.Garage;

/// <summary>One visit of a car, opened by the entry camera and closed by the exit barrier.</summary>
public sealed class ParkingSession
{
    public required string Plate { get; init; }

    public required DateTimeOffset EnteredAt { get; init; }

    /// <summary>When the car left, or <c>null</c> while it is still in the garage.</summary>
    public DateTimeOffset? ExitedAt { get; set; }

    public bool IsOpen => ExitedAt is null;

    /// <summary>How long the car has been parked.</summary>
    /// <param name="now">The current time, used for a car that is still in the garage.</param>
    /// <returns>The time from entry until <see cref="ExitedAt"/>, or until <paramref name="now"/> while the car is still in.</returns>
    public TimeSpan Duration(DateTimeOffset now) => ExitedAt.Value - EnteredAt;
}
