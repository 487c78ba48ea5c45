namespace OrderService;

public sealed class Discount
{
    public Discount(string code, decimal rate)
    {
        Code = code;
        Rate = rate;
    }

    public string Code { get; }

    /// <summary>A fraction of the subtotal, e.g. 0.10 for ten percent.</summary>
    public decimal Rate { get; }
}
