namespace Emissions;

/// <summary>One operated sector, from the ops system's post-flight record.</summary>
/// <param name="Passengers">Revenue and staff passengers on board; 0 for ferry and positioning flights.</param>
/// <param name="FuelKg">Block fuel burnt.</param>
public sealed record Flight(string FlightNumber, DateOnly Date, string From, string To, int DistanceKm, int Passengers, int FuelKg);
