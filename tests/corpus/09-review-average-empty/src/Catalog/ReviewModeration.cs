namespace Catalog;

public static class ReviewModeration
{
    private static readonly string[] BannedWords = ["http://", "https://", "free money"];

    public static bool ShouldApprove(Review review) =>
        review.Stars is >= 1 and <= 5 && !BannedWords.Any(w => review.Author.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static Product Moderate(Product product) =>
        product with { Reviews = product.Reviews.Select(r => r with { Approved = ShouldApprove(r) }).ToList() };

    public static int PendingCount(IEnumerable<Product> products) =>
        products.Sum(p => p.Reviews.Count(r => !r.Approved));

    public static IReadOnlyList<Review> Flagged(Product product) =>
        product.Reviews.Where(r => !ShouldApprove(r)).ToList();
}
