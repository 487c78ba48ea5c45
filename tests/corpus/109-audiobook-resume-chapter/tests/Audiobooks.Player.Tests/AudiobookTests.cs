using Audiobooks.Player;

public class AudiobookTests
{
    private static Audiobook Book() => new("The Salt Road", "Ines Moreau",
    [
        new Chapter("The Harbour", TimeSpan.Zero, TimeSpan.FromMinutes(31)),
        new Chapter("Inland", TimeSpan.FromMinutes(31), TimeSpan.FromMinutes(44)),
        new Chapter("The Pass", TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(28)),
    ]);

    [Fact]
    public void ChapterNumberAt_StartOfBook_IsChapterOne()
    {
        Assert.Equal(1, Book().ChapterNumberAt(TimeSpan.Zero));
    }

    [Fact]
    public void ChapterNumberAt_ExactlyAtAChapterStart_IsThatChapter()
    {
        Assert.Equal(2, Book().ChapterNumberAt(TimeSpan.FromMinutes(31)));
    }

    [Fact]
    public void ChapterNumberAt_PastTheEnd_IsTheLastChapter()
    {
        Assert.Equal(3, Book().ChapterNumberAt(TimeSpan.FromHours(5)));
        Assert.Equal(TimeSpan.FromMinutes(103), Book().Duration);
    }
}
