using Podcasts.Feed;

public class ShortLastPageBehaviour
{
    private static EpisodeFeed Feed(int count, int pageSize) => new(
        Enumerable.Range(1, count).Select(n => new Episode(n, $"Episode {n}", new DateTimeOffset(2024, 1, 1, 6, 0, 0, TimeSpan.Zero).AddDays(7 * n), TimeSpan.FromMinutes(42), false)),
        pageSize);

    [Fact]
    public void Page_Last_HoldsTheRemainingEpisodes()
    {
        var page = Feed(23, 10).Page(3);

        Assert.Equal([3, 2, 1], page.Episodes.Select(e => e.Number));
        Assert.Equal(3, page.TotalPages);
    }

    [Fact]
    public void Page_ShowShorterThanAPage_IsAllOnPageOne()
    {
        Assert.Equal([4, 3, 2, 1], Feed(4, 20).Page(1).Episodes.Select(e => e.Number));
    }

    [Fact]
    public void Page_PastTheEnd_StillEmpty()
    {
        Assert.Empty(Feed(23, 10).Page(4).Episodes);
    }
}
