using System.Collections.Generic;
using Storage;

namespace Storage.Tests
{
    public class QuoteTests
    {
        [Fact]
        public void SmallestFitting_AddsAccessSpace()
        {
            // 32 cu ft of items needs 36.8 with access space, so not S35.
            Assert.Equal("M75", UnitCatalogue.SmallestFitting(UnitCatalogue.Standard, 32m).Code);
        }

        [Fact]
        public void QuoteFor_LongStay_IsDiscounted()
        {
            var quote = new QuoteService(UnitCatalogue.Standard).QuoteFor(new Dictionary<string, int> { ["box"] = 20 }, 12);
            Assert.Equal("S35", quote.UnitCode);
            Assert.Equal(134.40m, quote.Total);
            Assert.False(quote.NeedsSurvey);
        }
    }
}
