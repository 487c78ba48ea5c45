namespace Catalog;

public static class ReviewStats
{
    // Only moderated reviews count towards anything shown on the product page.
    private static List<Review> Approved(Product product) => product.Reviews.Where(r => r.Approved).ToList();

    public static int ApprovedCount(Product product) => Approved(product).Count;

    public static int? BestRating(Product product)
    {
        var approved = Approved(product);
        if (approved.Count == 0)
        {
            return null;
        }

        return approved.Max(r => r.Stars);
    }

    public static double? AverageRating(Product product)
    {
        var approved = Approved(product);
        return Math.Round(approved.Average(r => r.Stars), 1);
    }
}
