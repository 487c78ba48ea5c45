using Heal.Core.Grouping;
using Heal.Core.Model;

namespace Heal.Feed.Protocol;

/// <summary>
/// The one place Heal.Feed turns event JSON into an <see cref="ErrorEvent"/> and a group, so the receiver, the store
/// and the sources agree on both.
/// </summary>
internal static class EventParsing
{
    /// <summary>Reads an event payload (UTF-8 JSON); <paramref name="receivedAt"/> stands in for a missing timestamp.</summary>
    public static ParseResult<ErrorEvent> Parse(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt) =>
        ErrorEvent.FromSentryJson(utf8, receivedAt);

    public static Fingerprint Fingerprint(ErrorEvent errorEvent) => Core.Grouping.Fingerprint.Compute(errorEvent);
}
