namespace Payouts;

public sealed record Sale(string OrderId, string SellerId, decimal Amount, string Currency, DateOnly DeliveredOn);

public sealed record Payout(string SellerId, decimal GrossGbp, decimal CommissionGbp)
{
    public decimal NetGbp => GrossGbp - CommissionGbp;
}
