using Ordering;
using Xunit;

namespace Ordering.Behaviour.Tests
{
    public class LegacyOrderBehaviour
    {
        [Fact]
        public void Total_NoLines_IsShippingFeeOnly()
        {
            Assert.Equal(4.95m, OrderTotals.Total(new Order { Number = "L-1", ShippingFee = 4.95m }));
        }

        [Fact]
        public void Total_NoLinesWithDiscountCode_IsShippingFeeOnly()
        {
            Assert.Equal(3m, OrderTotals.Total(new Order { Number = "L-2", ShippingFee = 3m, DiscountCode = "STAFF25" }));
        }

        [Fact]
        public void TotalsByNumber_LegacyExport_TotalsEveryOrder()
        {
            var orders = OrderImport.Parse("[{\"number\":\"L-3\",\"shippingFee\":2},{\"number\":\"N-4\",\"shippingFee\":1,\"lines\":[{\"sku\":\"TEE\",\"quantity\":2,\"unitPrice\":10}]}]");

            var totals = OrderImport.TotalsByNumber(orders);

            Assert.Equal(2m, totals["L-3"]);
            Assert.Equal(21m, totals["N-4"]);
        }
    }
}
