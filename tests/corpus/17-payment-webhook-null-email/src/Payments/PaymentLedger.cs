namespace Payments;

public sealed class PaymentLedger
{
    private readonly Dictionary<string, Payment> _payments = new();

    public IReadOnlyCollection<Payment> Payments => _payments.Values;

    // Providers retry webhooks, so recording is idempotent on the payment id.
    public bool Record(Payment payment) => _payments.TryAdd(payment.Id, payment);

    public decimal TotalFor(string customerEmail) =>
        _payments.Values.Where(p => p.CustomerEmail == customerEmail).Sum(p => p.Amount);
}
