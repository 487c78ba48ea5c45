namespace Notices.Text;

/// <summary>A way of shortening text for display.</summary>
public interface ITruncator
{
    /// <summary>Shortens <paramref name="value"/>.</summary>
    /// <param name="value">The text; null and empty strings are returned as they are.</param>
    /// <param name="length">The most the result may hold, counted by the truncator's unit.</param>
    /// <param name="truncationString">Appended to show that text was cut, when it fits within <paramref name="length"/>.</param>
    /// <returns>The shortened text, never longer than <paramref name="length"/>.</returns>
    string? Truncate(string? value, int length, string? truncationString);
}
