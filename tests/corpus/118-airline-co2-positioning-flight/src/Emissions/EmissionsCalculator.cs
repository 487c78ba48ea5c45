namespace Emissions;

public sealed class EmissionsCalculator
{
    /// <summary>kg of CO₂ per kg of jet fuel burnt (ICAO).</summary>
    public const double Co2PerKgFuel = 3.16;

    public int Co2Kg(Flight flight) => (int)Math.Round(flight.FuelKg * Co2PerKgFuel);

    /// <summary>Grams of CO₂ per passenger-kilometre, rounded down.</summary>
    /// <returns>
    /// The intensity, or <c>null</c> for a flight that carried no passengers (ferry and positioning flights):
    /// the monthly report lists those separately rather than averaging them in.
    /// </returns>
    public int? GramsPerPassengerKm(Flight flight) =>
        Co2Kg(flight) * 1000 / (flight.Passengers * flight.DistanceKm);
}
