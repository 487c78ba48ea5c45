namespace Payouts;

public sealed class PayoutRun(FxTable fx, decimal commissionRate)
{
    /// <summary>Sales are paid out once they have been delivered for this many days (the return window).</summary>
    public const int HoldDays = 14;

    public IReadOnlyList<Payout> Run(IEnumerable<Sale> sales, DateOnly runDate)
    {
        var payouts = new List<Payout>();
        foreach (var seller in sales.Where(s => s.DeliveredOn.AddDays(HoldDays) <= runDate).GroupBy(s => s.SellerId).OrderBy(g => g.Key))
        {
            var gross = seller.Sum(s => fx.ToGbp(s.Amount, s.Currency));
            var commission = Math.Round(gross * commissionRate, 2, MidpointRounding.ToEven);
            payouts.Add(new Payout(seller.Key, gross, commission));
        }
        return payouts;
    }
}
