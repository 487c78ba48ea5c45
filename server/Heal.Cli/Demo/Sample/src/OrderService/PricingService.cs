namespace OrderService;

public sealed class PricingService
{
    private readonly CustomerDirectory _customers;

    public PricingService(CustomerDirectory customers)
    {
        _customers = customers;
    }

    public decimal Subtotal(Order order)
    {
        return order.Lines.Sum(line => line.UnitPrice * line.Quantity);
    }

    public decimal DiscountRate(string customerId)
    {
        var customer = _customers.Get(customerId);
        if (customer.Discount == null)
        {
            return 0m;
        }

        return customer.Discount.Rate;
    }

    public string DiscountLabel(string customerId)
    {
        var customer = _customers.Get(customerId);
        if (customer.Discount == null)
        {
            return "list price";
        }

        return $"{customer.Discount.Code}, {customer.Discount.Rate * 100:0}% off";
    }

    public decimal Total(Order order)
    {
        var customer = _customers.Get(order.CustomerId);
        var subtotal = Subtotal(order);
        var discount = subtotal * customer.Discount.Rate;
        return Math.Round(subtotal - discount, 2);
    }
}
