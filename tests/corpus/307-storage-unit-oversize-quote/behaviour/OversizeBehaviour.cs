using System.Collections.Generic;
using Storage;

namespace Storage.Behaviour.Tests
{
    public class OversizeBehaviour
    {
        [Fact]
        public void SmallestFitting_NothingBigEnough_IsNull()
        {
            Assert.Null(UnitCatalogue.SmallestFitting(UnitCatalogue.Standard, 300m));
        }

        [Fact]
        public void QuoteFor_HouseClearance_NeedsSurvey()
        {
            var items = new Dictionary<string, int> { ["sofa"] = 2, ["bed"] = 2, ["wardrobe"] = 2, ["box"] = 20 };
            var quote = new QuoteService(UnitCatalogue.Standard).QuoteFor(items, 8);
            Assert.True(quote.NeedsSurvey);
            Assert.Null(quote.UnitCode);
            Assert.Equal(0m, quote.Total);
        }

        [Fact]
        public void QuoteFor_FitsLargest_IsStillQuoted()
        {
            var quote = new QuoteService(UnitCatalogue.Standard).QuoteFor(new Dictionary<string, int> { ["bed"] = 3, ["box"] = 10 }, 2);
            Assert.Equal("XL250", quote.UnitCode);
            Assert.Equal(124.00m, quote.Total);
        }
    }
}
