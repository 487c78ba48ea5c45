namespace Catalog;

public static class ProductCard
{
    public static string RatingLabel(Product product) =>
        ReviewStats.AverageRating(product) is { } average
            ? $"{average:0.0} out of 5 ({ReviewStats.ApprovedCount(product)} reviews)"
            : "No reviews yet";

    public static IReadOnlyList<string> RenderAll(IEnumerable<Product> products) =>
        products.Select(p => $"{p.Name} - {RatingLabel(p)}").ToList();
}
