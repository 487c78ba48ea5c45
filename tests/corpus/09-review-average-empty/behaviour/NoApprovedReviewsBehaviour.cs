using Catalog;

namespace Catalog.Behaviour.Tests;

public class NoApprovedReviewsBehaviour
{
    private static readonly Product Pending = new("TEE-1", "Tee", [new("spam", 1, false)]);

    [Fact]
    public void AverageRating_NoApprovedReviews_IsNull() => Assert.Null(ReviewStats.AverageRating(Pending));

    [Fact]
    public void AverageRating_NoReviewsAtAll_IsNull() => Assert.Null(ReviewStats.AverageRating(new Product("X", "X", [])));

    [Fact]
    public void RatingLabel_NoApprovedReviews_SaysNoReviewsYet() => Assert.Equal("No reviews yet", ProductCard.RatingLabel(Pending));
}
