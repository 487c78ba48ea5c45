using Catalog;

namespace Catalog.Tests;

public class ReviewStatsTests
{
    private static readonly Product Mug = new("MUG-1", "Mug", [new("a", 4, true), new("b", 5, true), new("c", 1, false)]);

    [Fact]
    public void AverageRating_ApprovedOnly_IgnoresUnmoderated() => Assert.Equal(4.5, ReviewStats.AverageRating(Mug));

    [Fact]
    public void BestRating_NoReviews_IsNull() => Assert.Null(ReviewStats.BestRating(new Product("X", "X", [])));

    [Fact]
    public void RatingLabel_Reviews_ShowsAverageAndCount() => Assert.Equal("4.5 out of 5 (2 reviews)", ProductCard.RatingLabel(Mug));
}
