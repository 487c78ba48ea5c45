using System.Net;
using Heal.Core.Scrubbing;

namespace Heal.Feed.Receiver;

/// <summary>Where and how the receiver listens.</summary>
/// <param name="Address">The address to bind; must be loopback unless <paramref name="AllowRemote"/>.</param>
/// <param name="Port">The port; 0 picks a free one (read it back from <c>FeedServer.Address</c>).</param>
/// <param name="Key">The DSN public key SDKs must send; null accepts any key (and none): <c>heal feed --no-key</c>.</param>
/// <param name="AllowedOrigins">
/// Web origins (<c>https://app.example</c>) whose browser pages may post events. A request carrying any other
/// <c>Origin</c> header is refused: a page the developer happens to open must not be able to post to a local feed.
/// </param>
/// <param name="ScrubEvents">Whether events are scrubbed before they are stored (on unless <c>--no-scrub</c>).</param>
/// <param name="Scrub">Which keys count as secrets; null: the built-in words only.</param>
/// <param name="ReadToken">The bearer token of the Sentry-style read API (<c>SentryReadApi</c>); null turns the API off.</param>
public sealed record FeedServerOptions(
    IPAddress Address,
    int Port,
    string? Key = null,
    bool AllowRemote = false,
    ReceiverLimits? Limits = null,
    IReadOnlyList<string>? AllowedOrigins = null,
    bool ScrubEvents = true,
    ScrubOptions? Scrub = null,
    string? ReadToken = null)
{
    public ReceiverLimits EffectiveLimits => Limits ?? ReceiverLimits.Default;

    public IReadOnlyList<string> EffectiveAllowedOrigins => AllowedOrigins ?? [];

    /// <summary>The scrubbing rules, or null when events are stored as sent.</summary>
    public ScrubOptions? EffectiveScrub => ScrubEvents ? Scrub ?? ScrubOptions.Default : null;
}
