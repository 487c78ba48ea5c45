namespace Audiobooks.Player;

public sealed record Chapter(string Title, TimeSpan Start, TimeSpan Length)
{
    public TimeSpan End => Start + Length;
}

/// <summary>A title in the listener's library, with its table of contents.</summary>
public sealed class Audiobook
{
    private readonly Chapter[] _chapters;

    public Audiobook(string title, string narrator, IEnumerable<Chapter> chapters)
    {
        Title = title;
        Narrator = narrator;
        _chapters = chapters.OrderBy(c => c.Start).ToArray();
    }

    public string Title { get; }

    public string Narrator { get; }

    public int ChapterCount => _chapters.Length;

    public TimeSpan Duration => _chapters.Length == 0 ? TimeSpan.Zero : _chapters[^1].End;

    /// <summary>Returns a chapter by the number listeners see.</summary>
    /// <param name="number">The 1-based chapter number, as printed in the table of contents.</param>
    public Chapter ChapterAt(int number) => _chapters[number];

    /// <summary>The chapter playing at <paramref name="position"/>.</summary>
    /// <returns>Its 1-based number; the last chapter for a position at or past the end.</returns>
    public int ChapterNumberAt(TimeSpan position)
    {
        for (var i = 0; i < _chapters.Length; i++)
        {
            if (position < _chapters[i].End)
            {
                return i + 1;
            }
        }
        return _chapters.Length;
    }
}
