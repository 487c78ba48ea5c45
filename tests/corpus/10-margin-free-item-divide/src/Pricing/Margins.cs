namespace Pricing;

public static class Margins
{
    public static decimal MarkupPercent(decimal price, decimal cost)
    {
        if (cost == 0m) return 0m;
        return Math.Round((price - cost) / cost * 100m, 1);
    }

    public static decimal MarginPercent(decimal price, decimal cost)
    {
        return Math.Round((price - cost) / price * 100m, 1);
    }

    public static decimal ProfitPerUnit(decimal price, decimal cost) => price - cost;
}
