using System.Collections.Generic;
using System.Linq;

namespace Storage
{
    public class StorageUnit
    {
        public string Code { get; set; }
        public decimal CubicFeet { get; set; }
        public decimal WeeklyPrice { get; set; }
    }

    public static class UnitCatalogue
    {
        public static readonly IReadOnlyList<StorageUnit> Standard = new List<StorageUnit>
        {
            new StorageUnit { Code = "LOCKER", CubicFeet = 25m, WeeklyPrice = 9.50m },
            new StorageUnit { Code = "S35", CubicFeet = 35m, WeeklyPrice = 14.00m },
            new StorageUnit { Code = "M75", CubicFeet = 75m, WeeklyPrice = 24.00m },
            new StorageUnit { Code = "L150", CubicFeet = 150m, WeeklyPrice = 41.00m },
            new StorageUnit { Code = "XL250", CubicFeet = 250m, WeeklyPrice = 62.00m },
        };

        // We quote the smallest unit that holds the items plus 15% for access space.
        public const decimal AccessAllowance = 1.15m;

        public static StorageUnit SmallestFitting(IEnumerable<StorageUnit> units, decimal itemsCubicFeet)
        {
            var needed = itemsCubicFeet * AccessAllowance;
            return units.OrderBy(u => u.CubicFeet).First(u => u.CubicFeet >= needed);
        }
    }
}
