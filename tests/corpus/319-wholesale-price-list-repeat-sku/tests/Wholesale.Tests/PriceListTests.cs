using System;
using System.Collections.Generic;
using Wholesale;

namespace Wholesale.Tests
{
    public class PriceListTests
    {
        [Fact]
        public void Parse_ReadsRowsAndIgnoresFutureOnes()
        {
            var list = PriceList.Parse("sku,case_price,case_size,effective\nbn-01,12.00,24,2026-01-05\nmk-02,9.60,12,2026-09-01", new DateOnly(2026, 6, 1));
            Assert.Equal(1, list.Count);
            Assert.Equal(0.5m, list.Find("BN-01").UnitPrice);
            Assert.Null(list.Find("mk-02"));
        }

        [Fact]
        public void BelowFloor_FlagsThinMargins()
        {
            var list = PriceList.Parse("h\nA,12.00,24,2026-01-01\nB,24.00,24,2026-01-01", new DateOnly(2026, 2, 1));
            var shelf = new Dictionary<string, decimal> { ["A"] = 1.00m, ["B"] = 1.20m, ["C"] = 2.00m };
            Assert.Equal(new[] { "B" }, MarginCheck.BelowFloor(list, shelf, 0.25m));
        }
    }
}
