using System.Collections.Generic;

namespace Ordering
{
    public class Order
    {
        public string Number { get; set; }
        public string Currency { get; set; }
        public decimal ShippingFee { get; set; }
        public string DiscountCode { get; set; }

        // Orders exported by the old shop before 2021 have no "lines" property at all.
        public List<OrderLine> Lines { get; set; }
    }

    public class OrderLine
    {
        public string Sku { get; set; }
        public int Quantity { get; set; }
        public decimal UnitPrice { get; set; }
    }
}
