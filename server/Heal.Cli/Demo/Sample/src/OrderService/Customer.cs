namespace OrderService;

public sealed class Customer
{
    public Customer(string id, string name, Discount discount)
    {
        Id = id;
        Name = name;
        Discount = discount;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The customer's negotiated discount, or null for customers on list prices.</summary>
    public Discount Discount { get; }
}
