using System;

namespace Tax
{
    public sealed class InvoiceTax
    {
        private readonly VatRates _rates;

        public InvoiceTax(VatRates rates)
        {
            _rates = rates;
        }

        public decimal VatOn(decimal net, string countryCode)
        {
            return Math.Round(net * _rates.RateFor(countryCode), 2, MidpointRounding.AwayFromZero);
        }

        public string Describe(decimal net, string countryCode)
        {
            if (_rates.IsZeroRated(countryCode))
            {
                return $"{net:0.00} (zero-rated)";
            }

            return $"{net:0.00} + VAT {VatOn(net, countryCode):0.00}";
        }
    }
}
