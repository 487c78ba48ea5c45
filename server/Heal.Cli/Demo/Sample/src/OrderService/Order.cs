namespace OrderService;

public sealed class Order
{
    public Order(string id, string customerId, IReadOnlyList<OrderLine> lines)
    {
        Id = id;
        CustomerId = customerId;
        Lines = lines;
    }

    public string Id { get; }

    public string CustomerId { get; }

    public IReadOnlyList<OrderLine> Lines { get; }
}
