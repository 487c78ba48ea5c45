using System.Security.Cryptography;
using System.Text;
using Heal.Core.Model;

namespace Heal.Feed.Protocol;

/// <summary>
/// The one place Heal.Feed turns event JSON into an <see cref="ErrorEvent"/> and a group id, so the receiver,
/// the store and the sources agree.
/// </summary>
/// TEMPORARY: Fingerprint is a stand-in until Heal.Core's Fingerprint.Compute lands.
internal static class EventParsing
{
    /// <summary>Reads an event payload (UTF-8 JSON); <paramref name="receivedAt"/> stands in for a missing timestamp.</summary>
    public static ParseResult<ErrorEvent> Parse(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt) =>
        ErrorEvent.FromSentryJson(utf8, receivedAt);

    public static EventFingerprint Fingerprint(ErrorEvent errorEvent)
    {
        var culprit = errorEvent.Culprit;
        var basis = culprit is null
            ? "message:" + errorEvent.Message
            : culprit.Type + "|" + string.Join("|", culprit.InAppFrames.Select(f => f.Function));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
        return new EventFingerprint(hash, hash[..16], basis);
    }
}
