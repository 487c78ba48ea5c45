namespace Payments;

public sealed class Payment
{
    public string Id { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; }
    public string CustomerEmail { get; init; }
    public bool NeedsReview { get; init; }
}
