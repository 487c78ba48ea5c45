namespace Webhooks;

public sealed class Subscriber
{
    public required string Id { get; init; }
    public required string Secret { get; init; }

    /// <summary>
    /// Where events are posted. Null until the subscriber has completed the verification handshake;
    /// unverified subscribers are not sent events.
    /// </summary>
    public Uri? Endpoint { get; set; }

    public HashSet<string> Topics { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

public interface IWebhookTransport
{
    Task<bool> PostAsync(string url, string body, string signature, CancellationToken cancellationToken);
}
