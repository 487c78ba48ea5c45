namespace Beacon.Ingest;

/// <summary>An analytics event as a client SDK sent it. Property names are chosen by the customer's developers.</summary>
public sealed record TrackingEvent(string Name, string AnonymousId, DateTimeOffset Timestamp, Dictionary<string, object?> Properties);
