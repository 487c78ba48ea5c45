using System.Globalization;

namespace Venue;

/// <summary>Clock times as the box office writes them on tickets and in the listings sheet.</summary>
public static class ShowTimes
{
    private const string TicketFormat = "H:mm";

    public static string Format(TimeOnly time) => time.ToString(TicketFormat, CultureInfo.InvariantCulture);

    public static TimeOnly Parse(string text) =>
        TimeOnly.ParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture);
}
