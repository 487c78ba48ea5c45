using Rates;

namespace Rates.Tests;

public class QuoteServiceTests
{
    private static QuoteService Create() => new(new ShippingRates(
        new() { ["GB"] = "UK", ["FR"] = "EU", ["DE"] = "EU" },
        new() { ["GB"] = 3.95m, ["FR"] = 9.50m, ["DE"] = 9.50m }));

    [Fact]
    public void QuoteFor_PricedCountry_MultipliesByParcels() =>
        Assert.Equal(new Quote("FR", "EU", 2, 19.00m), Create().QuoteFor("fr", 2));

    [Fact]
    public void QuoteFor_NoParcels_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Create().QuoteFor("GB", 0));

    [Fact]
    public void ZoneFor_UnpricedCountry_IsRestOfWorld() =>
        Assert.Equal("ROW", new ShippingRates(new(), new()).ZoneFor("NZ"));
}
