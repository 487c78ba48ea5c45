using Audiobooks.Player;

public class ResumeLabelBehaviour
{
    private static Audiobook Book() => new("The Salt Road", "Ines Moreau",
    [
        new Chapter("The Harbour", TimeSpan.Zero, TimeSpan.FromMinutes(31)),
        new Chapter("Inland", TimeSpan.FromMinutes(31), TimeSpan.FromMinutes(44)),
        new Chapter("The Pass", TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(28)),
    ]);

    [Fact]
    public void ChapterAt_UsesTheNumberListenersSee()
    {
        Assert.Equal("The Harbour", Book().ChapterAt(1).Title);
        Assert.Equal("The Pass", Book().ChapterAt(3).Title);
    }

    [Fact]
    public void ResumeLabel_InTheFirstChapter_NamesIt()
    {
        Assert.Equal("The Salt Road: Chapter 1, The Harbour (21 min left in chapter)", new ResumeService().ResumeLabel(Book(), TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void ResumeLabel_InTheLastChapter_NamesIt()
    {
        Assert.Equal("The Salt Road: Chapter 3, The Pass (8 min left in chapter)", new ResumeService().ResumeLabel(Book(), TimeSpan.FromMinutes(95)));
    }
}
