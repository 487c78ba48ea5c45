namespace Notices.Text;

public static class Truncator
{
    /// <summary>Counts characters, including the truncation string.</summary>
    public static ITruncator FixedLength { get; } = new FixedLengthTruncator();

    /// <summary>Counts words; the truncation string is not counted.</summary>
    public static ITruncator FixedNumberOfWords { get; } = new FixedNumberOfWordsTruncator();
}

internal sealed class FixedLengthTruncator : ITruncator
{
    public string? Truncate(string? value, int length, string? truncationString)
    {
        if (string.IsNullOrEmpty(value) || value.Length <= length)
        {
            return value;
        }
        if (string.IsNullOrEmpty(truncationString))
        {
            return value[..length];
        }
        return value.Substring(0, length - truncationString.Length) + truncationString;
    }
}

internal sealed class FixedNumberOfWordsTruncator : ITruncator
{
    public string? Truncate(string? value, int length, string? truncationString)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= length)
        {
            return value;
        }
        return string.Join(' ', words.Take(length)) + truncationString;
    }
}

public static class TruncateExtensions
{
    /// <summary>Shortens text to at most <paramref name="length"/> characters (or words, with another truncator).</summary>
    public static string? Truncate(this string? value, int length, string? truncationString = "…", ITruncator? truncator = null)
    {
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "Length must not be negative.");
        }
        return (truncator ?? Truncator.FixedLength).Truncate(value, length, truncationString);
    }
}
