namespace Shipping;

public class Order
{
    public string Number { get; init; }
    public string CustomerName { get; init; }
    public Address BillingAddress { get; init; }

    // Null when the customer ticked "ship to my billing address" at checkout.
    public Address ShippingAddress { get; init; }

    public int Parcels { get; init; } = 1;
    public decimal WeightKg { get; init; }
}
