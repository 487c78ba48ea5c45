namespace Audiobooks.Player;

/// <summary>Builds the "continue listening" card on the home screen.</summary>
public sealed class ResumeService
{
    public string ResumeLabel(Audiobook book, TimeSpan position)
    {
        var number = book.ChapterNumberAt(position);
        var chapter = book.ChapterAt(number);
        var left = chapter.End - position;
        return $"{book.Title}: Chapter {number}, {chapter.Title} ({FormatLeft(left)} left in chapter)";
    }

    private static string FormatLeft(TimeSpan left) =>
        left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes} min" : "under a minute";
}
