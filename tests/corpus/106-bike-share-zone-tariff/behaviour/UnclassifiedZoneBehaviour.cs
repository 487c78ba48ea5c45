using BikeShare.Pricing;

public class UnclassifiedZoneBehaviour
{
    private static readonly Dock Station = new("D-001", "Central Station", "C1");
    private static readonly Dock Quarry = new("D-300", "Quarry Lane", "N7");
    private static readonly DateTimeOffset Noon = new(2025, 7, 1, 12, 0, 0, TimeSpan.FromHours(1));

    private static TariffMap Map() => new(new Dictionary<string, Tariff> { ["C1"] = Tariff.Central, ["O3"] = Tariff.Outer });

    [Fact]
    public void TariffFor_DockInUnclassifiedZone_IsStandard()
    {
        Assert.Equal(Tariff.Standard, Map().TariffFor(Quarry));
    }

    [Fact]
    public void Fare_FromUnclassifiedZone_ChargesStandardAndLeavesTheZoneUnclassified()
    {
        var map = Map();
        var ride = new Ride("B-12", Quarry, Station, Noon, Noon.AddMinutes(20), Electric: false);

        Assert.Equal(1.00m + 20 * 0.15m, new FareCalculator(map).Fare(ride));
        Assert.Equal(["N7"], map.UnclassifiedZones([Quarry, Station]));
        Assert.DoesNotContain("N7", map.ClassifiedZones);
    }
}
