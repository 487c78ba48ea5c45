using System;
using System.Collections.Generic;
using System.Globalization;

namespace Tax
{
    /// <summary>
    /// VAT rates by ISO 3166-1 alpha-2 country code, loaded from the finance team's rates table.
    /// Every country we sell to has a rate. A missing one is a data error upstream: charging 0% or a guessed
    /// rate would be a compliance breach, so the sale must stop and the data be corrected.
    /// </summary>
    public sealed class VatRates
    {
        private readonly Dictionary<string, decimal> _rates = new Dictionary<string, decimal>(StringComparer.Ordinal);

        public static VatRates Parse(string table)
        {
            var rates = new VatRates();
            foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split('=');
                rates._rates.Add(parts[0], decimal.Parse(parts[1], CultureInfo.InvariantCulture));
            }

            return rates;
        }

        public decimal RateFor(string countryCode) => _rates[countryCode];

        public bool IsZeroRated(string countryCode) => _rates[countryCode] == 0m;
    }
}
