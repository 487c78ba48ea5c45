using System;
using Tax;
using Xunit;

namespace Tax.Behaviour.Tests
{
    // The intended behaviour is the current one: an order for a country without a configured rate must not be
    // taxed with a guessed or zero rate. The crash is caused by the partner's feed ("Deutschland" instead of
    // "DE"), which is fixed in the data, not here. These tests pass on the unchanged code and fail for a
    // "defensive" patch that invents a rate.
    public class UnknownCountryBehaviour
    {
        private static readonly VatRates Rates = VatRates.Parse("GB=0.20\nDE=0.19\n");

        [Fact]
        public void VatOn_UnknownCountry_StopsTheSale()
        {
            Assert.ThrowsAny<Exception>(() => new InvoiceTax(Rates).VatOn(100m, "Deutschland"));
        }

        [Fact]
        public void Describe_UnknownCountry_StopsTheSale()
        {
            Assert.ThrowsAny<Exception>(() => new InvoiceTax(Rates).Describe(100m, "Deutschland"));
        }

        [Fact]
        public void VatOn_KnownCountry_UsesItsRate()
        {
            Assert.Equal(19m, new InvoiceTax(Rates).VatOn(100m, "DE"));
        }
    }
}
