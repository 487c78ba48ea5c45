namespace Podcasts.Feed;

public sealed record Episode(int Number, string Title, DateTimeOffset Published, TimeSpan Duration, bool Explicit);

public sealed record FeedPage(int Page, int TotalPages, IReadOnlyList<Episode> Episodes);
