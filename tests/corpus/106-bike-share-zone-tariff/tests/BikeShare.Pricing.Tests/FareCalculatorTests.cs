using BikeShare.Pricing;

public class FareCalculatorTests
{
    private static readonly Dock Station = new("D-001", "Central Station", "C1");
    private static readonly Dock Park = new("D-214", "Riverside Park", "O3");
    private static readonly DateTimeOffset Noon = new(2025, 7, 1, 12, 0, 0, TimeSpan.FromHours(1));

    private static TariffMap Map() => new(new Dictionary<string, Tariff> { ["C1"] = Tariff.Central, ["O3"] = Tariff.Outer });

    [Fact]
    public void Fare_CentralStart_ChargesEveryStartedMinute()
    {
        var ride = new Ride("B-77", Station, Park, Noon, Noon.AddMinutes(12).AddSeconds(5), Electric: false);
        Assert.Equal(1.00m + 13 * 0.20m, new FareCalculator(Map()).Fare(ride));
    }

    [Fact]
    public void Fare_Electric_AddsTheSurcharge()
    {
        var ride = new Ride("E-03", Park, Station, Noon, Noon.AddMinutes(10), Electric: true);
        Assert.Equal(1.00m + 10 * 0.20m, new FareCalculator(Map()).Fare(ride));
    }

    [Fact]
    public void UnclassifiedZones_ListsEachMissingZoneOnce()
    {
        var docks = new[] { Station, new Dock("D-300", "Quarry Lane", "N7"), new Dock("D-301", "Mill Yard", "n7") };
        Assert.Equal(["N7"], Map().UnclassifiedZones(docks));
    }
}
