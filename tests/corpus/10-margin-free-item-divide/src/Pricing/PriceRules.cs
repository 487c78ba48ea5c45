namespace Pricing;

public static class PriceRules
{
    public const decimal MinimumMarkupPercent = 15m;

    public static decimal RoundToCharmPrice(decimal price) =>
        price < 1m ? Math.Round(price, 2) : Math.Floor(price) + 0.99m;

    public static decimal SuggestPrice(decimal cost, decimal targetMarkupPercent)
    {
        if (targetMarkupPercent < MinimumMarkupPercent) targetMarkupPercent = MinimumMarkupPercent;
        return RoundToCharmPrice(cost * (1 + targetMarkupPercent / 100m));
    }

    public static bool IsBelowCost(CatalogItem item) => item.Price < item.Cost;
}
