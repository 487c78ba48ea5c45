namespace Podcasts.Feed;

/// <summary>A show's episodes, newest first, served in pages to the apps.</summary>
public sealed class EpisodeFeed
{
    private readonly List<Episode> _episodes;

    public EpisodeFeed(IEnumerable<Episode> episodes, int pageSize = 20)
    {
        if (pageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one episode.");
        }
        _episodes = episodes.OrderByDescending(e => e.Published).ToList();
        PageSize = pageSize;
    }

    public int PageSize { get; }

    public int TotalPages => (_episodes.Count + PageSize - 1) / PageSize;

    /// <summary>One page of the feed.</summary>
    /// <param name="page">1-based page number.</param>
    /// <returns>
    /// Up to <see cref="PageSize"/> episodes. The last page holds whatever remains and may be shorter; a page past
    /// the end is empty.
    /// </returns>
    public FeedPage Page(int page)
    {
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "Pages are numbered from 1.");
        }
        var start = (page - 1) * PageSize;
        if (start >= _episodes.Count)
        {
            return new FeedPage(page, TotalPages, []);
        }
        return new FeedPage(page, TotalPages, _episodes.GetRange(start, PageSize));
    }

    /// <summary>Episodes safe for the family profile, in feed order.</summary>
    public IEnumerable<Episode> FamilyFriendly() => _episodes.Where(e => !e.Explicit);
}
