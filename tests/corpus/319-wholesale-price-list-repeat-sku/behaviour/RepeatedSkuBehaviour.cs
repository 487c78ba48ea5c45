using System;
using Wholesale;

namespace Wholesale.Behaviour.Tests
{
    public class RepeatedSkuBehaviour
    {
        private const string Csv = "sku,case_price,case_size,effective\n" +
            "TEA-80,30.00,6,2026-01-01\n" +
            "TEA-80,33.00,6,2026-04-01\n" +
            "tea-80,36.00,6,2026-08-01\n" +
            "TEA-80,31.50,6,2026-02-15\n" +
            "OAT-1,18.00,12,2026-01-01";

        [Fact]
        public void Find_RepeatedSku_LatestEffectiveOnOrBeforeDateWins()
        {
            var list = PriceList.Parse(Csv, new DateOnly(2026, 6, 1));
            Assert.Equal(2, list.Count);
            Assert.Equal(33.00m, list.Find("TEA-80").CasePrice);
            Assert.Equal(18.00m, list.Find("OAT-1").CasePrice);
        }

        [Fact]
        public void Find_RepeatedSku_BeforeLaterChanges()
        {
            Assert.Equal(31.50m, PriceList.Parse(Csv, new DateOnly(2026, 3, 1)).Find("tea-80").CasePrice);
            Assert.Equal(36.00m, PriceList.Parse(Csv, new DateOnly(2026, 8, 1)).Find("TEA-80").CasePrice);
        }
    }
}
