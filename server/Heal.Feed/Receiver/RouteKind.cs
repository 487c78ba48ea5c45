namespace Heal.Feed.Receiver;

/// <summary>Which Sentry endpoint a request hit.</summary>
public enum RouteKind
{
    /// <summary><c>/api/{project}/envelope/</c>: an envelope of items.</summary>
    Envelope,

    /// <summary><c>/api/{project}/store/</c>: the legacy endpoint, the body is one event.</summary>
    Store,
}
