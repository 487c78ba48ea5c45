using Rates;

namespace Rates.Behaviour.Tests;

public class UnpricedCountryBehaviour
{
    private static ShippingRates Rates() => new(new() { ["GB"] = "UK" }, new() { ["GB"] = 3.95m });

    [Fact]
    public void RateFor_UnpricedCountry_IsDefaultRate() => Assert.Equal(24.00m, Rates().RateFor("NZ"));

    [Fact]
    public void RateFor_PricedCountry_IsItsRate() => Assert.Equal(3.95m, Rates().RateFor("gb"));

    [Fact]
    public void QuoteFor_UnpricedCountry_IsRestOfWorldAtDefaultRate() =>
        Assert.Equal(new Quote("NZ", "ROW", 3, 72.00m), new QuoteService(Rates()).QuoteFor("nz", 3));
}
