using System.Collections.Generic;
using Ordering;
using Xunit;

namespace Ordering.Tests
{
    public class OrderTotalsTests
    {
        private static Order TwoLines(string discount = null)
        {
            return new Order
            {
                Number = "A-1",
                ShippingFee = 4.95m,
                DiscountCode = discount,
                Lines = new List<OrderLine>
                {
                    new OrderLine { Sku = "MUG", Quantity = 2, UnitPrice = 8m },
                    new OrderLine { Sku = "TEE", Quantity = 1, UnitPrice = 20m },
                },
            };
        }

        [Fact]
        public void Total_TwoLines_AddsShipping()
        {
            Assert.Equal(40.95m, OrderTotals.Total(TwoLines()));
        }

        [Fact]
        public void Total_WelcomeCode_DiscountsGoodsOnly()
        {
            Assert.Equal(37.35m, OrderTotals.Total(TwoLines("WELCOME10")));
        }

        [Fact]
        public void CountItems_NoLines_IsZero()
        {
            Assert.Equal(0, OrderTotals.CountItems(new Order { Number = "A-2" }));
        }

        [Fact]
        public void Parse_ModernExport_ReadsLines()
        {
            var orders = OrderImport.Parse("[{\"number\":\"A-3\",\"shippingFee\":1.5,\"lines\":[{\"sku\":\"MUG\",\"quantity\":1,\"unitPrice\":8}]}]");

            Assert.Equal(9.5m, OrderImport.TotalsByNumber(orders)["A-3"]);
        }
    }
}
