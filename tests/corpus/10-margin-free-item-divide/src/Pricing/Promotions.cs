namespace Pricing;

public sealed record Promotion(string Code, decimal PercentOff, DateOnly Ends);

public static class Promotions
{
    public static decimal Apply(decimal price, Promotion? promotion, DateOnly today)
    {
        if (promotion is null || promotion.Ends < today) return price;
        return Math.Round(price * (1 - promotion.PercentOff / 100m), 2);
    }

    public static CatalogItem Discounted(CatalogItem item, Promotion promotion, DateOnly today) =>
        item with { Price = Apply(item.Price, promotion, today) };
}
