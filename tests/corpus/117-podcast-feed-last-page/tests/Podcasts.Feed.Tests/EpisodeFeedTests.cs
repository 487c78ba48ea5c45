using Podcasts.Feed;

public class EpisodeFeedTests
{
    private static EpisodeFeed Feed(int count, int pageSize) => new(
        Enumerable.Range(1, count).Select(n => new Episode(n, $"Episode {n}", new DateTimeOffset(2024, 1, 1, 6, 0, 0, TimeSpan.Zero).AddDays(7 * n), TimeSpan.FromMinutes(42), n % 5 == 0)),
        pageSize);

    [Fact]
    public void Page_First_IsNewestFirst()
    {
        var page = Feed(40, 10).Page(1);
        Assert.Equal(Enumerable.Range(31, 10).Reverse(), page.Episodes.Select(e => e.Number));
        Assert.Equal(4, page.TotalPages);
    }

    [Fact]
    public void Page_PastTheEnd_IsEmpty()
    {
        Assert.Empty(Feed(40, 10).Page(5).Episodes);
    }

    [Fact]
    public void Page_Zero_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Feed(40, 10).Page(0));
    }
}
