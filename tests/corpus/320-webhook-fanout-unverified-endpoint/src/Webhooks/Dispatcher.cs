using System.Security.Cryptography;
using System.Text;

namespace Webhooks;

public sealed record DeliveryReport(int Delivered, IReadOnlyList<string> FailedSubscriberIds);

public sealed class Dispatcher(IWebhookTransport transport)
{
    private readonly List<Subscriber> _subscribers = [];

    public void Add(Subscriber subscriber) => _subscribers.Add(subscriber);

    public IReadOnlyList<string> PendingVerification() =>
        _subscribers.Where(s => s.Endpoint is null).Select(s => s.Id).ToList();

    /// <summary>Posts the event to every subscriber of the topic; failures are reported for the retry queue.</summary>
    public async Task<DeliveryReport> PublishAsync(string topic, string json, CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        var failed = new List<string>();
        foreach (var subscriber in _subscribers.Where(s => s.Topics.Contains(topic)))
        {
            var ok = await SendAsync(subscriber, json, cancellationToken);
            if (ok) delivered++;
            else failed.Add(subscriber.Id);
        }
        return new DeliveryReport(delivered, failed);
    }

    private async Task<bool> SendAsync(Subscriber subscriber, string json, CancellationToken cancellationToken)
    {
        var url = subscriber.Endpoint.AbsoluteUri;
        var signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(subscriber.Secret), Encoding.UTF8.GetBytes(json)));
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (await transport.PostAsync(url, json, signature, cancellationToken))
                return true;
        }
        return false;
    }
}
