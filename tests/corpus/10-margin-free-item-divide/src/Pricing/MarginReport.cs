namespace Pricing;

public sealed record CatalogItem(string Sku, decimal Price, decimal Cost);

public sealed record MarginLine(string Sku, decimal MarginPercent, decimal MarkupPercent);

public static class MarginReport
{
    public static IReadOnlyList<MarginLine> Build(IEnumerable<CatalogItem> items) =>
        items.Select(i => new MarginLine(i.Sku, Margins.MarginPercent(i.Price, i.Cost), Margins.MarkupPercent(i.Price, i.Cost)))
             .OrderBy(l => l.MarginPercent)
             .ToList();

    public static IReadOnlyList<string> BelowTarget(IEnumerable<CatalogItem> items, decimal targetPercent) =>
        Build(items).Where(l => l.MarginPercent < targetPercent).Select(l => l.Sku).ToList();
}
