namespace BikeShare.Pricing;

public sealed class FareCalculator
{
    public const decimal UnlockFee = 1.00m;
    public const decimal ElectricSurchargePerMinute = 0.10m;

    private static readonly IReadOnlyDictionary<Tariff, decimal> PerMinute = new Dictionary<Tariff, decimal>
    {
        [Tariff.Standard] = 0.15m,
        [Tariff.Central] = 0.20m,
        [Tariff.Outer] = 0.10m,
    };

    private readonly TariffMap _map;

    public FareCalculator(TariffMap map)
    {
        _map = map;
    }

    /// <summary>Unlock fee plus every started minute at the tariff of the starting dock.</summary>
    public decimal Fare(Ride ride)
    {
        var minutes = (int)Math.Ceiling((ride.End - ride.Start).TotalMinutes);
        var rate = PerMinute[_map.TariffFor(ride.From)] + (ride.Electric ? ElectricSurchargePerMinute : 0m);
        return UnlockFee + minutes * rate;
    }
}
