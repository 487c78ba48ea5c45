using System.Globalization;

namespace Heal.Core.Parsing;

/// <summary>
/// How a Sentry event's values become Heal's: shared by the full parser (<see cref="SentryEventJson"/>) and the ingest
/// reader (<see cref="SentryEventSummaryReader"/>) so the two cannot disagree on a cut string, a timestamp or a line.
/// </summary>
internal static class SentryValues
{
    /// <summary>Cuts text to <see cref="SentryEventJson.MaxStringLength"/> characters, never between a surrogate pair.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= SentryEventJson.MaxStringLength)
        {
            return text;
        }

        var cut = SentryEventJson.MaxStringLength;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut];
    }

    public static bool TryFromEpochSeconds(double seconds, out DateTimeOffset value)
    {
        value = default;
        // Year 1970 to 9999; anything else is not a real event time.
        if (double.IsNaN(seconds) || seconds < 0 || seconds > 253_402_300_799)
        {
            return false;
        }

        value = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    public static bool TryParseIso(string text, out DateTimeOffset value)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        // Accepts Go's nanoseconds too, rounded to the 100 ns a DateTimeOffset holds.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out value);
    }

    /// <summary>A one-based line or column: a whole number from 1 to <see cref="int.MaxValue"/>, else null.</summary>
    public static int? PositiveWhole(double number) =>
        number >= 1 && number <= int.MaxValue && number == Math.Floor(number) ? (int)number : null;
}
