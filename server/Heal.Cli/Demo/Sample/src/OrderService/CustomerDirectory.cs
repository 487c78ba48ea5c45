namespace OrderService;

public sealed class CustomerDirectory
{
    private readonly Dictionary<string, Customer> _customers = new();

    public CustomerDirectory(IEnumerable<Customer> customers)
    {
        foreach (var customer in customers)
        {
            _customers.Add(customer.Id, customer);
        }
    }

    public Customer Get(string id)
    {
        if (!_customers.TryGetValue(id, out var customer))
        {
            throw new KeyNotFoundException($"No customer '{id}'.");
        }

        return customer;
    }
}
