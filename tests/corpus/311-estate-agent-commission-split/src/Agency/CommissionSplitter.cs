namespace Agency;

public static class CommissionSplitter
{
    /// <summary>Agents keep this part of the agency fee; the rest is the branch's.</summary>
    public const decimal AgentPortion = 0.30m;

    public static IReadOnlyList<Share> Split(Sale sale)
    {
        var pool = Math.Round(sale.Fee * AgentPortion, 2, MidpointRounding.AwayFromZero);
        var each = Math.Floor(pool / sale.AgentIds.Count * 100m) / 100m;
        var shares = sale.AgentIds.Select(id => new Share(id, each)).ToList();

        // Pennies left by rounding down go to the lead (first-listed) agent.
        var remainder = pool - each * shares.Count;
        shares[0] = shares[0] with { Amount = shares[0].Amount + remainder };
        return shares;
    }
}
