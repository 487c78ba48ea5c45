using Tax;
using Xunit;

namespace Tax.Tests
{
    public class InvoiceTaxTests
    {
        private static readonly VatRates Rates = VatRates.Parse("GB=0.20\nDE=0.19\nFR=0.20\nJE=0\n");

        [Fact]
        public void VatOn_Germany_NineteenPercent()
        {
            Assert.Equal(19.00m, new InvoiceTax(Rates).VatOn(100m, "DE"));
        }

        [Fact]
        public void Describe_Jersey_IsZeroRated()
        {
            Assert.Equal("50.00 (zero-rated)", new InvoiceTax(Rates).Describe(50m, "JE"));
        }

        [Fact]
        public void Describe_GreatBritain_AddsVat()
        {
            Assert.Equal("10.00 + VAT 2.00", new InvoiceTax(Rates).Describe(10m, "GB"));
        }
    }
}
