using System.Net;

namespace Heal.Feed.Receiver;

/// <summary>Where and how the receiver listens.</summary>
/// <param name="Address">The address to bind; must be loopback unless <paramref name="AllowRemote"/>.</param>
/// <param name="Port">The port; 0 picks a free one (read it back from <c>FeedServer.Address</c>).</param>
/// <param name="Key">The DSN public key SDKs must send; null accepts any key (and none).</param>
/// <param name="ReadToken">The bearer token of the Sentry-style read API (<c>SentryReadApi</c>); null turns the API off.</param>
public sealed record FeedServerOptions(IPAddress Address, int Port, string? Key = null, bool AllowRemote = false, ReceiverLimits? Limits = null, string? ReadToken = null)
{
    public ReceiverLimits EffectiveLimits => Limits ?? ReceiverLimits.Default;
}
