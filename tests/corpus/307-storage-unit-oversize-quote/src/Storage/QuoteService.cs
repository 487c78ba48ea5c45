using System;
using System.Collections.Generic;
using System.Linq;

namespace Storage
{
    public class Quote
    {
        public string UnitCode { get; set; }
        public int Weeks { get; set; }
        public decimal Total { get; set; }
        public bool NeedsSurvey { get; set; }
    }

    public class QuoteService
    {
        private static readonly Dictionary<string, decimal> ItemVolumes = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
        {
            ["box"] = 1.5m, ["chair"] = 8m, ["sofa"] = 45m, ["bed"] = 60m, ["wardrobe"] = 50m, ["fridge"] = 30m, ["table"] = 20m,
        };

        private readonly IReadOnlyList<StorageUnit> _units;

        public QuoteService(IReadOnlyList<StorageUnit> units)
        {
            _units = units;
        }

        public static decimal VolumeOf(IDictionary<string, int> items) =>
            items.Sum(i => ItemVolumes[i.Key] * i.Value);

        public Quote QuoteFor(IDictionary<string, int> items, int weeks)
        {
            if (weeks < 1) throw new ArgumentOutOfRangeException(nameof(weeks));

            var unit = UnitCatalogue.SmallestFitting(_units, VolumeOf(items));
            if (unit == null)
            {
                // Bigger than our largest unit: the site manager visits and prices a combination of units.
                return new Quote { UnitCode = null, Weeks = weeks, Total = 0m, NeedsSurvey = true };
            }

            var discount = weeks >= 12 ? 0.8m : 1m;
            return new Quote { UnitCode = unit.Code, Weeks = weeks, Total = Math.Round(unit.WeeklyPrice * weeks * discount, 2) };
        }
    }
}
